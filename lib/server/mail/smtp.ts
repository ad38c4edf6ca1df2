import "server-only";
import nodemailer from "nodemailer";
import type { MailMessage } from "./invitation";

export interface MailSender {
  /** Resolves once the server accepted the message; rejects with an Error carrying `permanent`. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Short enough that a dead or silent server fails a job rather than holding it. */
const TIMEOUT_MS = 12_000;

/** Socket and DNS error codes, as an admin reading the outbox would put them. */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

interface NodemailerError extends Error {
  code?: string;
  errno?: string | number;
  responseCode?: number;
  response?: string;
}

function oneLine(value: string, max = 200): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The failure as one line an admin can act on, and whether retrying can help: a 5xx answer is
 * the server's final word (bad address, refused relay, failed login), anything else may pass later.
 */
function sendError(error: unknown, server: string): Error & { permanent: boolean } {
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  let message: string;
  if (code !== null) {
    const response = e.response ? oneLine(e.response) : "";
    message = response.startsWith(String(code)) ? `SMTP ${response}` : `SMTP ${code} ${response || oneLine(e.message)}`.trim();
  } else {
    const network = Object.keys(NETWORK_ERRORS).find((key) => e.code === key || e.errno === key || e.message.includes(key));
    if (network) message = `${NETWORK_ERRORS[network]} (${server})`;
    else if (e.code === "ETIMEDOUT" || /timeout|timed out|never received/i.test(e.message)) message = `no answer within ${TIMEOUT_MS / 1000} s (${server})`;
    else if (e.code === "ETLS" || /TLS|SSL|certificate/i.test(e.message)) message = `TLS failed with ${server}: ${oneLine(e.message)}`;
    else message = `SMTP error with ${server}: ${oneLine(e.message)}`;
  }
  return Object.assign(new Error(message, { cause: error }), { permanent: code !== null && code >= 500 && code < 600 });
}

/** Sends over SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS from the start). */
export function createSmtpSender(smtpUrl: string): MailSender {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  // Named in errors instead of the URL, which may hold a password.
  const server = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? "465" : "587")}`;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    dnsTimeout: TIMEOUT_MS,
  });

  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: message.from,
          to: { name: message.to.name, address: message.to.email },
          subject: message.subject,
          // Derived from the outbox id: a message sent again after a lost answer carries the same id.
          messageId: `<${message.id}@meeting-rotations>`,
          text: message.text,
          html: message.html,
          // nodemailer writes this twice: the text/calendar; method=… alternative that mail
          // clients act on, and the same file attached as invite.ics (application/ics).
          icalEvent: { method: message.method, filename: "invite.ics", content: message.ics },
        });
      } catch (error) {
        throw sendError(error, server);
      }
    },
    close() {
      transport.close();
    },
  };
}
