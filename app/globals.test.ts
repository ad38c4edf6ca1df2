import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Dark mode remaps the palette shades the app uses (app/globals.css). A class with a shade that
// has no dark value keeps its light colour in dark mode: a white panel, or pale text on one.
const root = join(import.meta.dirname, "..");
const PALETTE_CLASS = /\b(?:bg|text|border|divide|ring|outline|fill|stroke|from|via|to|accent|placeholder|decoration|caret)-((?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|brand)-\d{2,3}|white|black)\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function darkBlock(css: string): string {
  const start = css.indexOf("@media (prefers-color-scheme: dark)");
  expect(start, "app/globals.css has a prefers-color-scheme: dark block").toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf("\n}\n", start));
}

describe("the dark palette", () => {
  it("has a dark value for every palette colour a component uses", () => {
    const used = new Set<string>();
    for (const file of ["app", "components"].flatMap((dir) => sourceFiles(join(root, dir)))) {
      for (const match of readFileSync(file, "utf8").matchAll(PALETTE_CLASS)) used.add(match[1] ?? "");
    }
    // black is not used; if it comes, it means black in both schemes (shadows, overlays).
    used.delete("black");
    const dark = darkBlock(readFileSync(join(root, "app/globals.css"), "utf8"));
    const missing = [...used].filter((colour) => !dark.includes(`--color-${colour}:`)).sort();
    expect(missing).toEqual([]);
  });
});
