import "server-only";
import { formatDate, formatDateTime, formatTime } from "@/lib/domain/format-time";
import { icsText } from "@/lib/server/calendar/ics";
import { meetingEventIcs, type ItipMethod, type MeetingEvent } from "./meeting-event";

/** One mail as the outbox keeps it and the sender sends it. */
export interface MailMessage {
  /** Our outbox id: the Message-ID is made from it, so a resent message can be recognised. */
  id: string;
  from: string;
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  ics: string;
  method: ItipMethod;
}

export interface InvitationInput {
  outboxId: string;
  from: string;
  method: ItipMethod;
  event: MeetingEvent;
  recipient: { name: string; email: string; timeZone: string | null };
}

/** The recipient's zone when it is a zone this runtime knows, else UTC; never the server's. */
function zoneFor(timeZone: string | null): string {
  if (!timeZone) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** "Tue, Dec 8, 2026, 2:00 PM – 2:30 PM (Europe/Berlin)", the app's formats; the end's date only when it is another day. */
function when(start: Date, end: Date, timeZone: string): string {
  const endText = formatDate(start, timeZone) === formatDate(end, timeZone) ? formatTime(end, timeZone) : formatDateTime(end, timeZone);
  return `${formatDateTime(start, timeZone)} – ${endText} (${timeZone})`;
}

/** "30 minutes", "1 hour", "1 hour 15 minutes" */
function duration(start: Date, end: Date): string {
  const minutes = Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? "" : `${hours} hour${hours === 1 ? "" : "s"}`;
  const m = rest === 0 && hours > 0 ? "" : `${rest} minute${rest === 1 ? "" : "s"}`;
  return [h, m].filter(Boolean).join(" ");
}

/** One line of plain text: control characters and line separators become spaces. */
function line(value: string): string {
  return icsText(value).replace(/\s+/g, " ").trim();
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Only http(s) links become links; anything else (javascript:, data:) is shown as text. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The invitation (REQUEST) or cancellation (CANCEL) of one meeting for one recipient. */
export function buildInvitation(input: InvitationInput): MailMessage {
  const { event, method, recipient } = input;
  const zone = zoneFor(recipient.timeZone);
  const title = line(event.title) || "Meeting";
  const host = line(event.organizer.name) || line(event.organizer.email);
  const hostWithAddress = line(event.organizer.name) ? `${host} <${line(event.organizer.email)}>` : host;
  const isHost = recipient.email.trim().toLowerCase() === event.organizer.email.trim().toLowerCase();
  const canceled = method === "CANCEL";

  const subject = `${canceled ? "Canceled" : "Invitation"}: ${title} — ${formatDateTime(event.startsAt, zone)} (${zone})`;
  const intro = canceled
    ? isHost
      ? "This meeting you were hosting has been canceled."
      : `This meeting with ${host} has been canceled.`
    : isHost
      ? "You are the host of this meeting."
      : `${host} invites you to this meeting.`;

  const rows: Array<{ label: string; text: string; href?: string | null }> = [
    { label: "What", text: title },
    { label: "When", text: when(event.startsAt, event.endsAt, zone) },
    { label: "Duration", text: duration(event.startsAt, event.endsAt) },
    { label: "Host", text: hostWithAddress },
  ];
  const location = event.location === null ? "" : line(event.location);
  if (location) rows.push({ label: "Where", text: location });
  const recordUrl = event.recordUrl === null ? "" : line(event.recordUrl);
  if (recordUrl) rows.push({ label: "Record", text: recordUrl, href: safeHref(recordUrl) });

  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  const text = [intro, "", ...rows.map((r) => `${`${r.label}:`.padEnd(width)}${r.text}`), ""].join("\n");

  const html = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5;">',
    `<h1 style="font-size: 1.25em;">${escapeHtml(canceled ? `Canceled: ${title}` : title)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    "<table>",
    ...rows.map(
      (r) =>
        `<tr><th scope="row" style="text-align: left; padding-right: 1em; vertical-align: top;">${escapeHtml(r.label)}</th><td>${
          r.href ? `<a href="${escapeHtml(r.href)}">${escapeHtml(r.text)}</a>` : escapeHtml(r.text)
        }</td></tr>`,
    ),
    "</table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");

  return {
    id: input.outboxId,
    from: input.from,
    to: { name: line(recipient.name), email: line(recipient.email) },
    subject,
    text,
    html,
    ics: meetingEventIcs(event, method),
    method,
  };
}
