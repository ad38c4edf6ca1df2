import { expect, it } from "vitest";
import { RECORD_TYPES } from "@/lib/domain/records";
import { listRecords } from "@/lib/server/queries/record-list";
import { describeEachDatabase } from "@/test/db";
import { insertContact } from "@/test/factories";

// `/contacts?q=%00` and `?page=99999999999999999999` ended in a database error and a 500.
describeEachDatabase("record lists with crafted search parameters", (current) => {
  it("a NUL in the search and a page far past the end answer with a list, on every record type", async () => {
    const { db } = current();
    await insertContact(db);
    for (const type of RECORD_TYPES) {
      for (const query of ["\u0000", "a\u0000b", "%00\u0000%"]) {
        const list = await listRecords(db, type, { query });
        expect(list.rows.length).toBeLessThanOrEqual(20);
      }
      const far = await listRecords(db, type, { page: 1e20 });
      expect(far.rows).toEqual([]);
    }
  });
});
