/** The rotation settings form as the use case's input: empty caps mean no cap. */
export function settingsInputFromForm(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const cap = (name: string) => {
    const value = text(name)?.trim();
    if (value === undefined) return undefined;
    return value === "" ? null : Number(value);
  };
  // Absent stays absent (a crafted post must not switch counting off); anything but yes/no
  // goes through as text so the use case answers with a field error.
  const noShows = text("countNoShows");
  return {
    countWindow: text("countWindow"),
    timeZone: text("timeZone"),
    newcomerPolicy: text("newcomerPolicy"),
    returnPolicy: text("returnPolicy"),
    countNoShows: noShows === "yes" ? true : noShows === "no" ? false : noShows,
    dailyCap: cap("dailyCap"),
    weeklyCap: cap("weeklyCap"),
    monthlyCap: cap("monthlyCap"),
  };
}
