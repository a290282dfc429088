// One HTTP POST for a channel adapter: a time limit, and an error naming the channel when the service says no.
const TIMEOUT_MS = 10_000;

export class ChannelError extends Error {}

export async function postOrThrow(
  channel: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "user-agent": "ChitFunds-Ledger", ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ChannelError(
      `${channel}: could not reach ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => "")).slice(0, 200);
    throw new ChannelError(
      `${channel}: ${new URL(url).host} answered ${response.status}${detail ? `: ${detail}` : ""}`,
    );
  }
  await response.body?.cancel();
}
