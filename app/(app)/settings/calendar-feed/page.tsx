import type { Metadata } from "next";
import { headers } from "next/headers";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { formatDate } from "@/lib/domain/format-time";
import { getDb } from "@/lib/server/db";
import { requirePageActor } from "@/lib/server/session";
import { findCalendarFeed } from "@/lib/server/use-cases/calendar-feed";
import { FeedControls } from "./feed-controls";

export const metadata: Metadata = { title: "Calendar feed" };

export default async function CalendarFeedPage() {
  const actor = await requirePageActor();
  const feed = await findCalendarFeed(await getDb(), actor.id);
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
  return (
    <SettingsFrame>
      <SettingsHeader
        title="Calendar feed"
        description={
          <p className="max-w-2xl">
            Subscribe to your meetings from Google Calendar, Outlook or Apple Calendar with a private URL. Anyone with the URL can see your meetings, so keep it to
            yourself; replace or revoke it at any time.
          </p>
        }
      />
      <div className="max-w-2xl space-y-4">
        <p className="text-sm">
          {feed ? `A feed URL exists (created ${formatDate(feed.createdAt, actor.timeZone)}). It is shown only when created.` : "You have no feed URL yet."}
        </p>
        <FeedControls hasFeed={feed !== null} origin={origin} />
      </div>
    </SettingsFrame>
  );
}
