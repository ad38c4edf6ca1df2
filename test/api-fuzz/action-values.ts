import fc from "fast-check";
import { hostileString, hostileValue } from "./values";

/*
 * Values that server actions hand to their use cases and that every schema must refuse.
 * Each arbitrary is refused by construction, so a property can demand a refusal for every
 * case without guessing which random value happens to be valid.
 */

const CONTROL = fc.constantFrom("\u0000", "\r\n", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029");

/** A value nested `depth` levels deep, as a crafted action body can send. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

export const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 5000 }), hostileValue).map(([depth, leaf]) => nested(depth, leaf));

/** Never a string: objects where ids or text are expected, arrays, numbers, deep nesting. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(hostileValue.filter((v) => typeof v !== "string"), deeplyNested);

/** Text with at least one control character (NUL, CR/LF, ESC…) somewhere in the middle. */
export const textWithControl: fc.Arbitrary<string> = fc
  .tuple(fc.string({ minLength: 1, maxLength: 30 }), CONTROL, fc.string({ minLength: 1, maxLength: 30 }))
  .map(([a, c, b]) => `${a.replace(/^\s+/, "x")}${c}${b.replace(/\s+$/, "x")}`);

/** Text every free-text field refuses: control characters, wrong types, or far too long. */
export const refusedText: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: textWithControl, weight: 4 },
  { arbitrary: notAString, weight: 2 },
  { arbitrary: fc.constantFrom("", "   ", "x".repeat(501), "é".repeat(70_000), `${"x".repeat(5_000_000)}`), weight: 1 },
);

/** A whole input no strict schema accepts: not an object, or an object with a field nobody declared. */
export const refusedObject: fc.Arbitrary<unknown> = fc.oneof(
  notAString.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
  fc.string().map((s) => s),
  fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }).map((d) => ({ ...d, __fuzzUnknownField: true })),
);

/** Ids as actions pass them on (`asId` turns non-strings into ""): none names a row. */
export const refusedId: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  hostileString,
  textWithControl,
  fc.uuid().map((id) => `${id}\u0000`),
  fc.uuid(),
);
