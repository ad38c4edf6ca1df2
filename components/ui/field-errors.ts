/**
 * Which errors a field shows. An error answers one submission: once the person edits the
 * field after that answer, it no longer describes what is there, so it goes (and with it
 * aria-invalid) until the next answer. `answer` identifies the latest answer, `editedAfter`
 * the answer the person last edited the field after (NOT_EDITED before any edit).
 */
export const NOT_EDITED: unique symbol = Symbol("not edited");

export function visibleErrors(errors: readonly string[] | undefined, answer: unknown, editedAfter: unknown): readonly string[] | undefined {
  if (!errors?.length) return undefined;
  return editedAfter !== NOT_EDITED && editedAfter === answer ? undefined : errors;
}
