import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sampleMeetingEvent } from "@/test/meeting-event-fixture";
import { buildInvitation, type InvitationInput } from "./invitation";

const event = sampleMeetingEvent({ attendees: [{ name: "Alice Anderson", email: "alice@northwind.example" }] });

const input: InvitationInput = {
  outboxId: "ob-1",
  from: "Meeting Rotations <meetings@acme.test>",
  method: "REQUEST",
  event,
  recipient: { name: "Alice Anderson", email: "alice@northwind.example", timeZone: "Europe/Berlin" },
};

describe("buildInvitation", () => {
  it("a REQUEST in the recipient's zone, naming it, with duration, host, place and record link", () => {
    const mail = buildInvitation(input);
    expect(mail.id).toBe("ob-1");
    expect(mail.method).toBe("REQUEST");
    expect(mail.from).toBe(input.from);
    expect(mail.to).toEqual({ name: "Alice Anderson", email: "alice@northwind.example" });
    expect(mail.subject).toBe("Invitation: Intro call — Tue, Dec 8, 2026, 2:00 PM (Europe/Berlin)");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Tue, Dec 8, 2026, 2:00 PM – 2:30 PM (Europe/Berlin)");
      expect(body).toContain("30 minutes");
      expect(body).toContain("Lukas Schmidt");
      expect(body).toContain("Room 1");
      expect(body).toContain("https://crm.example/contacts/42");
    }
    expect(mail.text).toContain("Lukas Schmidt invites you");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toMatch(/<h1[^>]*>Intro call<\/h1>/);
    expect(mail.html).toContain('<th scope="row"');
    expect(mail.html).toContain('<a href="https://crm.example/contacts/42">');
    const calendar = new ICAL.Component(ICAL.parse(mail.ics));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid")).toBe(event.id);
  });

  it("a CANCEL says so in the subject, the bodies and the calendar", () => {
    const mail = buildInvitation({ ...input, method: "CANCEL", event: { ...event, sequence: 1 } });
    expect(mail.subject).toBe("Canceled: Intro call — Tue, Dec 8, 2026, 2:00 PM (Europe/Berlin)");
    expect(mail.text).toContain("canceled");
    expect(mail.html).toContain("Canceled: Intro call");
    expect(mail.ics).toContain("METHOD:CANCEL");
    expect(mail.ics).toContain("STATUS:CANCELLED");
  });

  it("uses UTC, named, when the recipient's zone is unknown or not a zone", () => {
    for (const timeZone of [null, "Mars/Olympus_Mons"]) {
      const mail = buildInvitation({ ...input, recipient: { ...input.recipient, timeZone } });
      expect(mail.subject).toBe("Invitation: Intro call — Tue, Dec 8, 2026, 1:00 PM (UTC)");
      expect(mail.text).toContain("1:00 PM – 1:30 PM (UTC)");
    }
  });

  it("tells the host they host it, and shows the end's date when it is another day there", () => {
    const late = { ...event, startsAt: new Date("2026-12-08T22:30:00Z"), endsAt: new Date("2026-12-09T00:00:00Z") };
    const mail = buildInvitation({ ...input, event: late, recipient: { name: "Lukas Schmidt", email: "Lukas@acme.test", timeZone: "Europe/Berlin" } });
    expect(mail.text).toContain("You are the host");
    expect(mail.text).toContain("Tue, Dec 8, 2026, 11:30 PM – Wed, Dec 9, 2026, 1:00 AM (Europe/Berlin)");
    expect(mail.text).toContain("1 hour 30 minutes");
  });

  it("escapes every user value in the HTML", () => {
    const xss = "<img src=x onerror=alert(1)>";
    const mail = buildInvitation({
      ...input,
      event: { ...event, title: xss, location: `"><script>alert(2)</script>`, organizer: { name: `<b onmouseover=alert(3)>Lukas</b>`, email: "lukas@acme.test" } },
    });
    expect(mail.html).not.toMatch(/<img|<script|<b /);
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(mail.html).toContain("&lt;b onmouseover=alert(3)&gt;Lukas&lt;/b&gt;");
    // Plain text keeps the title as written.
    expect(mail.text).toContain(xss);
  });

  it("links a record only over http(s) and keeps line breaks out of the subject", () => {
    const mail = buildInvitation({ ...input, event: { ...event, title: "Intro\r\nBcc: evil@example.com", recordUrl: "javascript:alert(1)" } });
    expect(mail.subject).toBe("Invitation: Intro Bcc: evil@example.com — Tue, Dec 8, 2026, 2:00 PM (Europe/Berlin)");
    expect(mail.html).not.toContain("<a ");
    expect(mail.html).toContain("javascript:alert(1)");
  });
});
