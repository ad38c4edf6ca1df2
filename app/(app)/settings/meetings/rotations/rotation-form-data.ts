/**
 * The rotation panel's form as the use cases' input (the whole desired state). Values are
 * passed on as sent (weights aside, see below): the use case’s zod schema validates them.
 */
export function rotationInputFromForm(formData: FormData): Record<string, unknown> {
  const weights: Record<string, number> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("weight:") || typeof value !== "string") continue;
    // Anything but a whole number becomes 0, which the schema refuses with its own clear
    // message ("Weights are whole numbers from 1.") rather than zod's "expected int".
    weights[key.slice("weight:".length)] = /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : 0;
  }
  return {
    name: formData.get("name"),
    distribution: formData.get("distribution") ?? undefined,
    userIds: formData.getAll("userIds"),
    teamIds: formData.getAll("teamIds"),
    weights,
  };
}
