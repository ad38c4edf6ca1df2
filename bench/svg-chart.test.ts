import { describe, expect, it } from "vitest";
import { escapeXml, niceTicks, plotArea, renderChart, type ChartSpec } from "./svg-chart";

const base: ChartSpec = {
  title: "Spread",
  description: "Counts over time",
  xLabel: "day",
  yLabel: "spread",
  series: [{ label: "available", points: [{ x: 0, y: 0 }, { x: 5, y: 2 }, { x: 10, y: 1 }], color: "#123456", step: true }],
  width: 400,
  height: 200,
};

/** Tags in document order; enough of an XML reader to check nesting and attributes. */
function tags(svg: string): Array<{ name: string; kind: "open" | "close" | "self" }> {
  return [...svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)].map((m) => ({
    name: m[2] ?? "",
    kind: m[1] ? "close" : m[3] ? "self" : "open",
  }));
}

/** Every absolute coordinate of a path's M/L/H/V commands, as [x|null, y|null] pairs. */
function coordinates(d: string): Array<[number | null, number | null]> {
  return [...d.matchAll(/([MLHV])([-\d.]+)(?: ([-\d.]+))?/g)].map(([, cmd, a, b]) => {
    if (cmd === "H") return [Number(a), null];
    if (cmd === "V") return [null, Number(a)];
    return [Number(a), Number(b)];
  });
}

const seriesPaths = (svg: string) => [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="#(?!444)/g)].map((m) => m[1] ?? "");

describe("renderChart", () => {
  it("is one well-nested <svg> element with a viewBox", () => {
    const svg = renderChart({ ...base, markers: [{ x: 5, label: "reset" }], bands: [{ from: 2, to: 4 }], bandLabel: "holiday" });
    expect(svg.trimStart().startsWith("<svg ")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('viewBox="0 0 400 200"');
    const stack: string[] = [];
    let roots = 0;
    for (const tag of tags(svg)) {
      if (tag.kind === "open") {
        if (stack.length === 0) roots++;
        stack.push(tag.name);
      } else if (tag.kind === "close") {
        expect(stack.pop()).toBe(tag.name);
      }
    }
    expect(stack).toEqual([]);
    expect(roots).toBe(1);
  });

  it("names itself for assistive technology", () => {
    const svg = renderChart(base);
    expect(svg).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">Spread</title>');
    expect(svg).toContain('<desc id="chart-desc">Counts over time</desc>');
    // Title and description come first, where screen readers look for them.
    expect(tags(svg).slice(1, 5).map((t) => t.name)).toEqual(["title", "title", "desc", "desc"]);
  });

  it("escapes every piece of text it is given", () => {
    const hostile = `Ana & Ben's <script>"x"</script>`;
    const svg = renderChart({
      ...base,
      title: hostile,
      description: hostile,
      xLabel: hostile,
      series: [{ ...base.series[0]!, label: hostile }],
      markers: [{ x: 1, label: hostile }],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("Ana &amp; Ben&apos;s &lt;script&gt;&quot;x&quot;&lt;/script&gt;");
    // No bare ampersand: each one starts an entity.
    expect(svg.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
  });

  it("maps the data's corners onto the plot area's corners", () => {
    const area = plotArea(400, 200);
    const svg = renderChart({ ...base, xDomain: [0, 10], yDomain: [0, 2] });
    const [first, ...rest] = coordinates(seriesPaths(svg)[0] ?? "");
    expect(first).toEqual([area.left, area.bottom]); // (0, 0)
    const xs = rest.map((c) => c[0]).filter((v): v is number => v !== null);
    const ys = rest.map((c) => c[1]).filter((v): v is number => v !== null);
    expect(Math.max(...xs)).toBe(area.right); // x = 10
    expect(Math.min(...ys)).toBe(area.top); // y = 2
  });

  it("keeps every point inside the plot area, even outside an explicit domain", () => {
    const area = plotArea(400, 200);
    const wild = [-50, 3, 999, 7.5].map((y, i) => ({ x: i * 10 - 5, y }));
    const svg = renderChart({ ...base, xDomain: [0, 20], yDomain: [0, 10], series: [{ label: "wild", points: wild, color: "#abcdef" }] });
    const pairs = coordinates(seriesPaths(svg)[0] ?? "");
    expect(pairs.length).toBe(wild.length);
    for (const [x, y] of pairs) {
      expect(x).not.toBeNull();
      expect(x ?? Number.NaN).toBeGreaterThanOrEqual(area.left);
      expect(x ?? Number.NaN).toBeLessThanOrEqual(area.right);
      expect(y ?? Number.NaN).toBeGreaterThanOrEqual(area.top);
      expect(y ?? Number.NaN).toBeLessThanOrEqual(area.bottom);
    }
  });

  it("draws a step series with one vertical move per change and stays small", () => {
    const points = Array.from({ length: 5_000 }, (_, i) => ({ x: i, y: Math.floor(i / 1_000) % 2 }));
    const svg = renderChart({ ...base, series: [{ label: "steps", points, color: "#111111", step: true }] });
    const d = seriesPaths(svg)[0] ?? "";
    expect(d.match(/V/g)?.length).toBe(5); // 4 changes + the closing point
    const line = renderChart({ ...base, series: [{ label: "line", points: points.map((p) => ({ x: p.x, y: Math.sin(p.x) })), color: "#111111" }] });
    expect(line.length).toBeLessThan(100_000);
  });
});

describe("niceTicks", () => {
  it.each([
    [0, 10, 5, [0, 2, 4, 6, 8, 10]],
    [0, 11, 6, [0, 2, 4, 6, 8, 10]],
    [0, 30, 10, [0, 5, 10, 15, 20, 25, 30]],
    [0, 0.3, 3, [0, 0.1, 0.2, 0.3]],
    [3, 3, 5, [3]],
  ])("from %s to %s in about %s steps", (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });
});

describe("escapeXml", () => {
  it("replaces the five special characters and nothing else", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a> é`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; é");
  });
});
