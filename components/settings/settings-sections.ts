/** Every settings section, for the settings index and the sections navigation alike. */
export interface SettingsSection {
  href: string;
  title: string;
  text: string;
  /** Workspace sections only admins manage (R4); the others are everyone's own. */
  adminOnly: boolean;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { href: "/settings/meetings/rotations", title: "Meeting rotations", text: "Group reps into rotations and switch availability for holidays.", adminOnly: true },
  { href: "/settings/users", title: "Users", text: "Seats, permissions, calendars, time zones and working hours.", adminOnly: true },
  { href: "/settings/teams", title: "Teams", text: "Who belongs to which team; rotations that include a team follow it.", adminOnly: true },
  { href: "/settings/outbox", title: "Outbox", text: "Invitations and calendar writes: what was sent, what waits and why.", adminOnly: true },
  { href: "/settings/calendar", title: "Calendar", text: "Connect your CalDAV calendar or iCal address, and see how syncing goes.", adminOnly: false },
  { href: "/settings/out-of-office", title: "Out of office", text: "Holidays and days away: you are skipped in every rotation meanwhile.", adminOnly: false },
  { href: "/settings/calendar-feed", title: "Calendar feed", text: "Subscribe to your meetings from your calendar app.", adminOnly: false },
  { href: "/settings/api-tokens", title: "API tokens", text: "Personal tokens for integrations using the JSON API.", adminOnly: false },
];

/** The sections someone may open, in groups: the workspace's (admins only), then their own. */
export function settingsGroups(isAdmin: boolean): Array<{ label: string; sections: SettingsSection[] }> {
  const groups = [
    { label: "Workspace", sections: SETTINGS_SECTIONS.filter((s) => s.adminOnly) },
    { label: "Your account", sections: SETTINGS_SECTIONS.filter((s) => !s.adminOnly) },
  ];
  return isAdmin ? groups : groups.slice(1);
}
