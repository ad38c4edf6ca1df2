import { describe, expect, it } from "vitest";
import { settingsInputFromForm } from "./settings-form-data";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe("settingsInputFromForm", () => {
  it("leaves a setting the form did not send untouched, so an empty post changes nothing", () => {
    expect(Object.values(settingsInputFromForm(new FormData())).every((v) => v === undefined)).toBe(true);
  });

  it("reads yes/no, empty caps as no cap, and passes anything else on for the use case to refuse", () => {
    expect(settingsInputFromForm(form({ countNoShows: "no", weeklyCap: "", dailyCap: "3" }))).toMatchObject({ countNoShows: false, weeklyCap: null, dailyCap: 3 });
    expect(settingsInputFromForm(form({ countNoShows: "yes" })).countNoShows).toBe(true);
    expect(settingsInputFromForm(form({ countNoShows: "maybe" })).countNoShows).toBe("maybe");
  });
});
