import { expect, type Locator, type Page } from "@playwright/test";

/** A record page (/{type}/[id]): properties, associations and the meetings timeline (§4, §5). */
export class RecordPage {
  readonly heading: Locator;
  readonly associations: Locator;
  readonly meetings: Locator;
  readonly scheduleButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.associations = page.getByRole("region", { name: "Associations" });
    this.meetings = page.getByRole("list", { name: "Meetings" });
    this.scheduleButton = page.getByRole("button", { name: "Schedule meeting" });
  }

  async expectLoaded() {
    await expect(this.page.getByRole("heading", { name: "Meetings" })).toBeVisible();
  }

  /** The record's id, the last segment of its URL. */
  id(): string {
    return new URL(this.page.url()).pathname.split("/").pop() ?? "";
  }

  /** One meeting on the timeline, e.g. by "Host … · booked by … · through rotation “…”". */
  meeting(text: string | RegExp): Locator {
    return this.meetings.getByRole("listitem").filter({ hasText: text });
  }

  /** The association section headed e.g. "Company (1)", and the records it links to. */
  association(heading: RegExp): { heading: Locator; links: Locator } {
    const section = this.associations.getByRole("heading", { name: heading });
    return { heading: section, links: section.locator("xpath=..").getByRole("link") };
  }

  /** Deletes a meeting from the timeline after confirming. */
  async deleteMeeting(meeting: Locator) {
    await meeting.getByRole("button", { name: /^Delete meeting/ }).click();
    await this.page.getByRole("alertdialog", { name: "Delete this meeting?" }).getByRole("button", { name: "Delete meeting" }).click();
  }

  /** A status message the page announces, e.g. "Meeting booked with …". */
  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").getByText(text);
  }
}
