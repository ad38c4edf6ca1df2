import type { Result } from "@/lib/domain/result";

/**
 * For pages that checked the actor's rights before reading: a refusal after that is a bug,
 * so it becomes an exception (and the error page) rather than a value to branch on.
 */
export function mustSucceed<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
