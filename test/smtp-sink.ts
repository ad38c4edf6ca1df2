import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, as SMTP_URL would be set. */
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Answers the next `count` messages' DATA with `code` (451: try again later). */
  failNext(count: number, code?: number): void;
  stop(): Promise<void>;
}

export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let failures: number[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    secure: false,
    logger: false,
    // A client that never says QUIT must not keep stop() waiting for the 30 s default.
    closeTimeout: 500,
    onData(stream, _session, callback) {
      const code = failures.shift();
      if (code !== undefined) {
        // Read the whole message first: the answer to DATA comes after its final dot.
        stream.on("data", () => {});
        stream.on("end", () => {
          const error = Object.assign(new Error(code >= 500 ? "Rejected by the test sink" : "Try again later (test sink)"), { responseCode: code });
          callback(error);
        });
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          for (const wake of [...waiters]) wake();
          // Accepted only once kept, so a resolved send means the message is in `messages`.
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessages(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(count, code = 451) {
      failures = [...failures, ...Array.from({ length: count }, () => code)];
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
