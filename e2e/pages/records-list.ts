import { expect, type Locator, type Page } from "@playwright/test";
import { RecordPage } from "./record";

export type RecordListName = "Contacts" | "Companies" | "Deals" | "Tickets";

/** A CRM list page (/contacts, /companies, /deals, /tickets), by its accessible names (§5). */
export class RecordsListPage {
  constructor(readonly page: Page) {}

  async goto(list: RecordListName) {
    await this.page.goto(`/${list.toLowerCase()}`);
    await expect(this.page.getByRole("heading", { level: 1, name: list })).toBeVisible();
  }

  table(list: RecordListName): Locator {
    return this.page.getByRole("table", { name: list });
  }

  /** The record names of the page shown, one row header per record. */
  names(list: RecordListName): Locator {
    return this.table(list).getByRole("rowheader");
  }

  async search(list: RecordListName, query: string) {
    await this.page.getByRole("searchbox", { name: `Search ${list.toLowerCase()}` }).fill(query);
    await this.page.getByRole("button", { name: "Search" }).click();
  }

  async nextPage() {
    await this.page.getByRole("link", { name: "Next page" }).click();
  }

  /** Opens the first record of the list and waits for its record page. */
  async openFirst(list: RecordListName): Promise<RecordPage> {
    await this.goto(list);
    await this.names(list).first().getByRole("link").click();
    const record = new RecordPage(this.page);
    await record.expectLoaded();
    return record;
  }
}
