/**
 * The largest body a server action may send. The biggest real one (a rotation with 500
 * members) is about 60 kB. Next.js enforces its own copy of this limit (next.config.ts) but
 * answers a breach with a 500; proxy.ts refuses it first, with 413.
 */
export const MAX_ACTION_BODY_BYTES = 256 * 1024;

/** For next.config.ts, in the notation Next.js expects. */
export const MAX_ACTION_BODY_SIZE = `${MAX_ACTION_BODY_BYTES / 1024}kb` as const;

/**
 * How deeply brackets may nest in an action body. React decodes action arguments recursively,
 * so a body of 100,000 `[` overflows the stack and Next.js answers 500. No form comes near
 * this: the longest text field holds 500 characters.
 */
export const MAX_ACTION_BODY_NESTING = 1000;

/**
 * The deepest nesting of `[`/`{` in a body, brackets inside JSON strings not counted. Raw form
 * fields in a multipart body are counted as if they were structure, which only overestimates.
 */
export function bracketNesting(body: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return deepest;
}
