import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * docs/rules.md is where a tag in the code (`// R8`, a test named "… (R11)") leads. These
 * tests fail when the code uses a tag the document has no entry for, when the document's
 * numbering drifts from the tags R1–R21, R8w and C1–C7, or when an entry does not say
 * whether it is built.
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const RULES_FILE = path.join(root, "docs", "rules.md");

/** Source and prose a fresh clone holds; build output, data and dependencies are not ours. */
const SCANNED = /\.(ts|tsx|mjs|js|sql|md)$/;
const SKIPPED_DIRS = new Set(["node_modules", "test-results", "playwright-report"]);

/** A rule tag as the code writes it. A percent-encoded byte such as `%C0` is not one. */
const TAG = /(?<![%\w])(R\d+w?|C\d+)(?!\w)/g;

const EXPECTED_RULES = [
  ...Array.from({ length: 21 }, (_, i) => `R${i + 1}`).flatMap((tag) => (tag === "R8" ? ["R8", "R8w"] : [tag])),
  ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // Dot-directories are .git, .next, .data, .test-data and the like.
    if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return SCANNED.test(entry.name) && full !== RULES_FILE ? [full] : [];
  });
}

function tagsIn(text: string): string[] {
  return [...text.matchAll(TAG)].map((match) => match[1] ?? "");
}

interface RuleEntry {
  tag: string;
  anchor: string;
  body: string;
}

/** Each entry is `<a id="r8"></a>` then `### R8 Title`, then its text up to the next heading. */
function ruleEntries(markdown: string): RuleEntry[] {
  const entry = /<a id="([^"]+)"><\/a>\n### (\S+) [^\n]+\n([\s\S]*?)(?=\n<a id=|\n## |$)/g;
  return [...markdown.matchAll(entry)].map((m) => ({ anchor: m[1] ?? "", tag: m[2] ?? "", body: (m[3] ?? "").trim() }));
}

const rules = readFileSync(RULES_FILE, "utf8");
const entries = ruleEntries(rules);

describe("docs/rules.md", () => {
  it("recognises tags the way the code writes them", () => {
    expect(tagsIn("// Rotation ranking (DESIGN R3, R5, R8, R8w): who is next")).toEqual(["R3", "R5", "R8", "R8w"]);
    expect(tagsIn('it("auto-assigns (R11)"); // C7, R13–R21')).toEqual(["R11", "C7", "R13", "R21"]);
    expect(tagsIn('fc.constantFrom("%C0%AF", "RR8", "R8x", "xR1", "C1a")')).toEqual([]);
  });

  it("has an entry for every rule tag used in the code", () => {
    const files = sourceFiles(root);
    const uses = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => tagsIn(line).map((tag) => ({ tag, at: `${path.relative(root, file)}:${index + 1}` }))),
    );
    // The scan really reads the code: the ranking module names its rules.
    expect(uses.filter((use) => use.at.startsWith(path.join("lib", "domain", "ranking.ts"))).map((use) => use.tag)).toContain("R8w");

    const documented = new Set(entries.map((entry) => entry.tag));
    const undocumented = uses.filter((use) => !documented.has(use.tag)).map((use) => `${use.tag} at ${use.at}`);
    expect(undocumented).toEqual([]);
  });

  it("numbers the rules as the tags do: R1–R21 with R8w, then C1–C7, each once, each anchored by its own tag", () => {
    expect(entries.map((entry) => entry.tag)).toEqual(EXPECTED_RULES);
    for (const entry of entries) expect(entry.anchor).toBe(entry.tag.toLowerCase());
  });

  it("says of every rule whether it is built, partly built or planned", () => {
    const unmarked = entries.filter((entry) => !/^\*\*(Built|Partly built|Planned)\.\*\*/.test(entry.body)).map((entry) => entry.tag);
    expect(unmarked).toEqual([]);
  });

  it("links only to anchors it has", () => {
    const anchors = new Set([...rules.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const broken = [...rules.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]).filter((target) => !anchors.has(target));
    expect(broken).toEqual([]);
  });
});
