/**
 * The user panel's form as updateUser's input: the whole form, every field. Checkboxes send
 * nothing when unchecked, so their absence means false. The use case validates the rest.
 */
export function userInputFromForm(formData: FormData): Record<string, unknown> {
  return {
    role: formData.get("role") ?? undefined,
    seatAssigned: formData.has("seatAssigned"),
    canScheduleForOthers: formData.has("canScheduleForOthers"),
    calendarConnected: formData.has("calendarConnected"),
    calendarSyncEnabled: formData.has("calendarSyncEnabled"),
    timeZone: formData.get("timeZone") ?? "",
    workingHours: {
      weekdays: formData.getAll("weekdays").map((day) => Number(day)),
      start: String(formData.get("start") ?? "").trim(),
      end: String(formData.get("end") ?? "").trim(),
    },
  };
}
