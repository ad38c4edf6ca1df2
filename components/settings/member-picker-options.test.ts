import { describe, expect, it } from "vitest";
import { learnedFrom, matchesQuery, mergeKnown, pickerOptions, toggleOption } from "./member-picker-options";

const users = [
  { id: "u1", name: "Camille Dubois", email: "camille@acme.test", ineligibleText: "" },
  { id: "u2", name: "Sofia Rossi", email: "sofia@acme.test", ineligibleText: "Calendar sync off" },
];
const teams = [{ id: "t1", name: "Sales EMEA", memberIds: ["u1", "u2"] }];

describe("member picker options", () => {
  it("lists teams then users, matching name or email without caring about case or accents", () => {
    expect(pickerOptions(users, teams, { userIds: [], teamIds: [] }, "").map((o) => o.key)).toEqual(["team-t1", "user-u1", "user-u2"]);
    expect(pickerOptions(users, teams, { userIds: [], teamIds: [] }, "SOFIA@").map((o) => o.label)).toEqual(["Sofia Rossi"]);
    expect(matchesQuery("dubois", "Camille Dubóis")).toBe(true);
    expect(pickerOptions(users, teams, { userIds: [], teamIds: [] }, "emea")[0]?.secondary).toBe("Team · 2 users, 1 not eligible");
  });

  it("R3: an ineligible user is disabled with the reason and cannot be toggled in, but one already chosen can be removed", () => {
    const [sofia] = pickerOptions(users, teams, { userIds: [], teamIds: [] }, "sofia");
    expect(sofia?.disabledReason).toBe("Not eligible: calendar sync off");
    const none = { userIds: [], teamIds: [] };
    expect(sofia && toggleOption(none, sofia)).toBe(none);
    const [kept] = pickerOptions(users, teams, { userIds: ["u2"], teamIds: [] }, "sofia");
    expect(kept?.disabledReason).toBeNull();
    expect(kept && toggleOption({ userIds: ["u2"], teamIds: [] }, kept)).toEqual({ userIds: [], teamIds: [] });
  });

  it("picking from a search teaches the form the user, or the team with its members, and a newer copy replaces an older one", () => {
    const search = { users, teams, teamMembers: users };
    const [team, camille] = pickerOptions(users, teams, { userIds: [], teamIds: [] }, "");
    expect(team && learnedFrom(team, search)).toEqual({ users, teams });
    expect(camille && learnedFrom(camille, search)).toEqual({ users: [users[0]], teams: [] });
    const renamed = { ...users[0], name: "Camille Martin" } as (typeof users)[number];
    expect(mergeKnown({ users, teams: [] }, { users: [renamed], teams })).toEqual({ users: [renamed, users[1]], teams });
  });
});
