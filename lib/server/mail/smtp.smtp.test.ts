import { createServer, type AddressInfo, type Socket } from "node:net";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleMeetingEvent } from "@/test/meeting-event-fixture";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { buildInvitation } from "./invitation";
import type { ItipMethod } from "./meeting-event";
import { createSmtpSender, type MailSender } from "./smtp";

/* A real SMTP conversation with a server started here; what arrives is read back with mailparser. */

const event = sampleMeetingEvent({ sequence: 2 });

function invitation(method: ItipMethod, outboxId = "ob-7f3a") {
  return buildInvitation({
    outboxId,
    from: "Meeting Rotations <meetings@acme.test>",
    method,
    event,
    recipient: { name: "Alice Anderson", email: "alice@northwind.example", timeZone: "Europe/Berlin" },
  });
}

/** The calendar a client acts on: the text/calendar part, with its content type's method. */
function calendarPart(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(part, "a text/calendar part").toBeDefined();
  return part!;
}

function readCalendar(content: Buffer) {
  const vevent = new ICAL.Component(ICAL.parse(content.toString("utf8"))).getFirstSubcomponent("vevent")!;
  return {
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: vevent.getFirstPropertyValue("sequence"),
    status: vevent.getFirstPropertyValue("status"),
    attendees: vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "")),
  };
}

let sink: SmtpSink;
let sender: MailSender;

beforeEach(async () => {
  sink = await startSmtpSink();
  sender = createSmtpSender(sink.url);
});

afterEach(async () => {
  sender.close();
  await sink.stop();
});

describe("createSmtpSender against a real SMTP server", () => {
  for (const method of ["REQUEST", "CANCEL"] as const) {
    it(`sends a ${method} with text, HTML, the text/calendar; method=${method} part and invite.ics attached`, async () => {
      const message = invitation(method);
      await sender.send(message);
      const [mail] = await sink.waitForMessages(1, 5_000);
      expect(mail!.messageId).toBe("<ob-7f3a@meeting-rotations>");
      expect(mail!.subject).toBe(message.subject);
      expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.value : null).toEqual([{ name: "Alice Anderson", address: "alice@northwind.example" }]);
      expect(mail!.text).toContain("Tue, Dec 8, 2026, 2:00 PM – 2:30 PM (Europe/Berlin)");
      expect(mail!.html).toContain('<html lang="en">');

      const calendar = calendarPart(mail!);
      expect(calendar.headers.get("content-type")).toMatchObject({ value: "text/calendar", params: { method } });
      expect(readCalendar(calendar.content)).toEqual({
        uid: event.id,
        sequence: 2,
        status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
        attendees: ["alice@northwind.example", "bob@northwind.example"],
      });

      const attached = mail!.attachments.filter((a) => a.filename === "invite.ics" && a.contentDisposition === "attachment");
      expect(attached).toHaveLength(1);
      expect(readCalendar(attached[0]!.content).uid).toBe(event.id);
      expect(attached[0]!.content.toString("utf8")).toContain(`METHOD:${method}`);
    });
  }

  it("a 451 answer rejects with a temporary error that names the answer", async () => {
    sink.failNext(1, 451);
    const error = await sender.send(invitation("REQUEST")).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^SMTP 451 /);
    expect((error as Error & { permanent: boolean }).permanent).toBe(false);
    expect(sink.messages).toHaveLength(0);
    // The next attempt goes through.
    await sender.send(invitation("REQUEST"));
    expect(sink.messages).toHaveLength(1);
  });

  it("a 550 answer rejects with a permanent error", async () => {
    sink.failNext(1, 550);
    const error = await sender.send(invitation("REQUEST")).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^SMTP 550 /);
    expect((error as Error & { permanent: boolean }).permanent).toBe(true);
  });

  it("a server that is down rejects quickly with a clear, temporary error, and works again once it is back", async () => {
    const port = sink.port;
    await sink.stop();
    const started = Date.now();
    const error = await sender.send(invitation("REQUEST")).then(() => null, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((error as Error).message).toBe(`connection refused (127.0.0.1:${port})`);
    expect((error as Error & { permanent: boolean }).permanent).toBe(false);

    sink = await startSmtpSink({ port });
    expect(sink.port).toBe(port);
    await sender.send(invitation("REQUEST", "ob-retry"));
    const [mail] = await sink.waitForMessages(1, 5_000);
    expect(mail!.messageId).toBe("<ob-retry@meeting-rotations>");
  });

  it("a server that accepts the connection but never answers fails the send within 15 s", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const mute = createSmtpSender(`smtp://127.0.0.1:${port}`);
    try {
      const started = Date.now();
      const error = await mute.send(invitation("REQUEST")).then(() => null, (e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect((error as Error).message).toBe(`no answer within 12 s (127.0.0.1:${port})`);
      expect((error as Error & { permanent: boolean }).permanent).toBe(false);
    } finally {
      mute.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => createSmtpSender("http://127.0.0.1:25")).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
