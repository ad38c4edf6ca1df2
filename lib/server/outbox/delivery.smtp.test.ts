import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contacts, outboxMessages } from "@/db/schema";
import { createSmtpSender, type MailSender } from "@/lib/server/mail/smtp";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { unwrap } from "@/test/rotation-counts";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { deliverDueOutbox } from "./deliver";

const HOUR = 60 * 60_000;
let open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const o of open) await o.close();
  open = [];
});

function sender(sink: { url: string }): MailSender {
  const mail = createSmtpSender(sink.url);
  open.push(mail);
  return mail;
}

async function sinkOn(port?: number): Promise<SmtpSink> {
  const sink = await startSmtpSink(port ? { port } : {});
  open.push({ close: () => sink.stop() });
  return sink;
}

/** Three bookings with an attendee: six invitations. */
async function bookThree(db: Database) {
  const { book, contactId } = await rotationFixture(db, ["m1", "m2"]);
  await db.update(contacts).set({ email: "ada@prospect.test" }).where(eq(contacts.id, contactId));
  for (const n of [0, 1, 2]) unwrap(await book(slot(n)));
  return db.select().from(outboxMessages);
}

async function statuses(db: Database) {
  const rows = await db.select({ status: outboxMessages.status }).from(outboxMessages);
  return rows.reduce<Record<string, number>>((tally, r) => ({ ...tally, [r.status]: (tally[r.status] ?? 0) + 1 }), {});
}

describeEachDatabase("outbox delivery over real SMTP (C5)", (current) => {
  it("sends every invitation once with METHOD, UID and SEQUENCE; a second round sends nothing", async () => {
    const { db } = current();
    const rows = await bookThree(db);
    const sink = await sinkOn();
    const round = await deliverDueOutbox(db, { mail: sender(sink) });
    expect(round).toMatchObject({ sent: 6, retrying: 0, failed: 0 });
    expect(await deliverDueOutbox(db, { mail: sender(sink) })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(sink.messages).toHaveLength(6);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(6);
    const request = sink.messages[0]!;
    const calendar = request.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const ics = calendar.content.toString();
    expect(ics).toMatch(/^METHOD:REQUEST/m);
    expect(ics).toMatch(/^SEQUENCE:0/m);
    expect(rows.map((r) => r.meetingId)).toContain(ics.match(/^UID:(.+)$/m)?.[1]?.trim());
    expect(await statuses(db)).toEqual({ sent: 6 });
  });

  it("SMTP down, then up: every message is delivered exactly once, after retries with backoff", async () => {
    const { db } = current();
    await bookThree(db);
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.stop();
    const down = { url: `smtp://127.0.0.1:${port}` };

    const first = await deliverDueOutbox(db, { mail: sender(down) });
    expect(first).toMatchObject({ sent: 0, retrying: 6, failed: 0 });
    const waiting = await db.select().from(outboxMessages);
    for (const m of waiting) {
      expect(m).toMatchObject({ status: "pending", attempts: 1 });
      expect(m.lastError).toMatch(/refused/);
      expect(m.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    }
    // Not due yet: nothing is tried again before its time.
    expect(await deliverDueOutbox(db, { mail: sender(down) })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });

    const sink = await sinkOn(port);
    const later = () => new Date(Date.now() + HOUR);
    expect(await deliverDueOutbox(db, { mail: sender(sink), now: later })).toMatchObject({ sent: 6, retrying: 0, failed: 0 });
    expect(await deliverDueOutbox(db, { mail: sender(sink), now: later })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(sink.messages).toHaveLength(6);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(6);
    expect(await statuses(db)).toEqual({ sent: 6 });
  });

  it("a temporary refusal (451) is retried; a permanent one (550) fails at once; past 24 hours a message is given up", async () => {
    const { db } = current();
    await bookThree(db);
    const sink = await sinkOn();
    sink.failNext(1, 451);
    sink.failNext(1, 550);
    const round = await deliverDueOutbox(db, { mail: sender(sink), batchSize: 6 });
    expect(round).toMatchObject({ sent: 4, retrying: 1, failed: 1 });
    const [failed] = await db.select().from(outboxMessages).where(eq(outboxMessages.status, "failed"));
    expect(failed?.lastError).toMatch(/550/);

    // The retrying one, tried again a day later and refused again, is given up.
    sink.failNext(1, 451);
    expect(await deliverDueOutbox(db, { mail: sender(sink), now: () => new Date(Date.now() + 25 * HOUR) })).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    expect(await statuses(db)).toEqual({ sent: 4, failed: 2 });
  });

  it("without a mail server, invitations are held for admins to read, not retried", async () => {
    const { db } = current();
    await bookThree(db);
    expect(await deliverDueOutbox(db, { mail: null })).toMatchObject({ sent: 0, held: 6 });
    expect(await statuses(db)).toEqual({ held: 6 });
  });
});
