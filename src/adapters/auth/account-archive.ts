// Reads and writes better-auth's users and accounts through its own storage adapter, so it works on SQLite and MongoDB.
import type { AccountArchive, AccountRecords } from "../../ports/account-archive.ts";
import type { Auth } from "./better-auth.ts";

const PAGE = 500;

export function authAccountArchive(auth: Auth): AccountArchive {
  const adapter = async () => (await auth.$context).adapter;
  async function all(model: string): Promise<Record<string, unknown>[]> {
    const db = await adapter();
    const rows: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await db.findMany<Record<string, unknown>>({
        model,
        limit: PAGE,
        offset,
        sortBy: { field: "createdAt", direction: "asc" },
      });
      rows.push(...page);
      if (page.length < PAGE) return rows;
    }
  }
  return {
    async exportAll(): Promise<AccountRecords> {
      return { users: await all("user"), accounts: await all("account") };
    },
    async count() {
      return (await adapter()).count({ model: "user" });
    },
    async importAll({ users, accounts }) {
      const db = await adapter();
      const ids = new Map<string, string>();
      for (const { id, ...user } of users) {
        const created = await db.create<Record<string, unknown>, { id: string }>({
          model: "user",
          data: reviveDates(user),
        });
        ids.set(String(id), created.id);
      }
      for (const { id: _id, ...account } of accounts) {
        const userId = ids.get(String(account.userId));
        if (!userId) continue;
        const accountId = account.providerId === "credential" ? userId : account.accountId;
        await db.create({ model: "account", data: reviveDates({ ...account, userId, accountId }) });
      }
      return ids;
    },
    async clearAll() {
      const db = await adapter();
      for (const model of ["session", "account", "verification", "user"]) {
        await db.deleteMany({ model, where: [] });
      }
    },
  };
}

/** JSON turns dates into strings; the stores want Date objects back for their date fields. */
function reviveDates(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      typeof v === "string" && /At$|Expires$/.test(k) && !Number.isNaN(Date.parse(v)) ? new Date(v) : v,
    ]),
  );
}
