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
  return {
    countWindow: text("countWindow"),
    timeZone: text("timeZone"),
    newcomerPolicy: text("newcomerPolicy"),
    returnPolicy: text("returnPolicy"),
    countNoShows: text("countNoShows") === "yes",
    dailyCap: cap("dailyCap"),
    weeklyCap: cap("weeklyCap"),
    monthlyCap: cap("monthlyCap"),
  };
}
