import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { calendarConnections, contacts, outboxMessages } from "@/db/schema";
import { sealConnectionSecret } from "@/lib/server/calendar/connection-secrets";
import { createSmtpSender } from "@/lib/server/mail/smtp";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { insertUser } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";
import { startSmtpSink } from "@/test/smtp-sink";
import { QUEUES, queueDueSyncs, wakeOutboxWith } from "./jobs";
import { startJobRuntime, type JobRuntime } from "./runtime";

let cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describeEachDatabase("the job queue (C6)", (current) => {
  it("a worker delivers the outbox after a booking wakes it, each invitation once", async () => {
    const { db, handle } = current();
    const sink = await startSmtpSink();
    cleanup.push(() => sink.stop());
    const mail = createSmtpSender(sink.url);
    cleanup.push(() => mail.close());
    const runtime = await startJobRuntime(handle, { work: true, mail, pollingIntervalSeconds: 0.5 });
    cleanup.push(() => runtime.stop());

    const { book, contactId } = await rotationFixture(db, ["m1", "m2"]);
    await db.update(contacts).set({ email: "ada@prospect.test" }).where(eq(contacts.id, contactId));
    unwrap(await book(slot(0)));
    unwrap(await book(slot(1)));
    await wakeOutboxWith(runtime.boss);
    const received = await sink.waitForMessages(4, 20_000);
    const addresses = received.flatMap((m) => [m.to ?? []].flat().flatMap((to) => to.value.map((v) => v.address)));
    expect(addresses.sort()).toEqual(["ada@prospect.test", "ada@prospect.test", "m1@example.test", "m2@example.test"]);
    // The worker marks each one sent just after the server accepted it.
    await expect.poll(async () => (await db.select({ status: outboxMessages.status }).from(outboxMessages)).map((r) => r.status), { timeout: 10_000 }).toEqual(["sent", "sent", "sent", "sent"]);
  });

  it("C2: the sweep queues a sync for each connection not tried for 5 minutes, once however often it runs", async () => {
    const { db, handle } = current();
    const runtime = await startJobRuntime(handle, { work: false, mail: null });
    cleanup.push(() => runtime.stop());
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const ids: string[] = [];
    for (const [userId, lastAttemptAt] of [["u1", minutesAgo(6)], ["u2", minutesAgo(1)], ["u3", null]] as const) {
      await insertUser(db, { id: userId });
      const [row] = await db
        .insert(calendarConnections)
        .values({ userId, kind: "ical", serverUrl: "calendar.example", calendarName: "calendar.example", secretCiphertext: sealConnectionSecret(userId, "https://calendar.example/x.ics"), lastAttemptAt })
        .returning({ id: calendarConnections.id });
      ids.push(row!.id);
    }
    expect(await queueDueSyncs(runtime.boss, db, now)).toBe(2);
    await queueDueSyncs(runtime.boss, db, now);
    const queued = await runtime.boss.fetch<{ connectionId: string }>(QUEUES.calendarSync, { batchSize: 10 });
    expect((queued ?? []).map((job) => job.data.connectionId).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it("a job queued before a restart runs after it, in a new worker", async () => {
    const { handle } = current();
    let sender: JobRuntime | undefined = await startJobRuntime(handle, { work: false, mail: null });
    const jobId = await sender.boss.send(QUEUES.outbox, {});
    expect(jobId).toBeTruthy();
    await sender.stop();
    sender = undefined;

    const worker = await startJobRuntime(handle, { work: true, mail: null, pollingIntervalSeconds: 0.5 });
    cleanup.push(() => worker.stop());
    const deadline = Date.now() + 20_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      state = (await worker.boss.getJobById(QUEUES.outbox, jobId!))?.state;
      if (state === "completed") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toBe("completed");
  });
});
