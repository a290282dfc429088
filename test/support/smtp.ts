// A real SMTP server on a free local port that keeps every mail it receives, parsed, for tests to read.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string; subject: string; text: string };

export async function startSmtpCapture() {
  const mails: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed: ParsedMail) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
          mails.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "" });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;

  /** Waits for a mail to `to` whose subject matches, newer than the ones already seen. */
  async function waitFor(to: string, subject: RegExp, timeoutMs = 5000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...mails].reverse().find((m) => m.to.includes(to) && subject.test(m.subject));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no mail to ${to} matching ${subject} within ${timeoutMs} ms; got: ` +
            `${mails.map((m) => `${m.to}: ${m.subject}`).join("; ")}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async function codeFor(to: string): Promise<string> {
    const mail = await waitFor(to, /code/i);
    const code = mail.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no 6-digit code in mail to ${to}`);
    mails.splice(mails.indexOf(mail), 1);
    return code;
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor,
    codeFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;
