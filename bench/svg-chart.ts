// A tiny line/step chart as a standalone SVG string: no dependencies, so a bench script can
// draw its figures into docs/ and GitHub shows them inline. Deliberately small: linear axes,
// series, vertical markers, shaded x ranges, a legend and an accessible title/description.

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  label: string;
  points: readonly Point[];
  color: string;
  /** Hold each value until the next point (a count changes in jumps, it does not slide). */
  step?: boolean;
  dashed?: boolean;
}

/** A vertical line at `x` with a short label at the top of the plot. */
export interface Marker {
  x: number;
  label: string;
  color?: string;
}

/** A shaded x range (e.g. a period when something was switched off). */
export interface Band {
  from: number;
  to: number;
}

export interface ChartSpec {
  title: string;
  /** Read by screen readers instead of the picture: say what the chart shows, in words. */
  description: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  markers?: readonly Marker[];
  bands?: readonly Band[];
  bandLabel?: string;
  width?: number;
  height?: number;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
}

/** The plot area inside the viewBox; exported so tests can check where points land. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN = { left: 56, right: 20, top: 64, bottom: 48 };
const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\"";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Round, evenly spaced ticks (1, 2 or 5 × 10^k apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  // Index-based so float steps like 0.1 do not accumulate error into 0.30000000000000004.
  for (let i = Math.ceil(min / step); i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

// One decimal is a tenth of a pixel: invisible, and it keeps the file a fraction of the size.
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Path data for one series. A step series drops points that repeat the previous value: a
 * flat run draws the same with two points as with two hundred, and the SVG stays small.
 */
export function seriesPath(points: readonly Point[], step: boolean, sx: (x: number) => number, sy: (y: number) => number): string {
  const kept = step ? points.filter((p, i) => i === 0 || i === points.length - 1 || p.y !== points[i - 1]?.y) : points;
  return kept
    .map((p, i) => {
      if (i === 0) return `M${fmt(sx(p.x))} ${fmt(sy(p.y))}`;
      return step ? `H${fmt(sx(p.x))}V${fmt(sy(p.y))}` : `L${fmt(sx(p.x))} ${fmt(sy(p.y))}`;
    })
    .join("");
}

export function plotArea(width: number, height: number): PlotArea {
  return { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
}

export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 800;
  const height = spec.height ?? 360;
  const area = plotArea(width, height);
  const all = spec.series.flatMap((s) => s.points);
  const [x0, x1] = spec.xDomain ?? extent(all.map((p) => p.x));
  const [y0, y1] = spec.yDomain ?? extent([0, ...all.map((p) => p.y)]);
  // Clamp so a value outside an explicit domain stays on the plot instead of leaking out of it.
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const sx = (x: number) => clamp(area.left + ((x - x0) / (x1 - x0)) * (area.right - area.left), area.left, area.right);
  const sy = (y: number) => clamp(area.bottom - ((y - y0) / (y1 - y0)) * (area.bottom - area.top), area.top, area.bottom);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" ${FONT} font-size="12">`,
    `<title id="chart-title">${escapeXml(spec.title)}</title>`,
    `<desc id="chart-desc">${escapeXml(spec.description)}</desc>`,
    // An opaque background: GitHub's dark theme would otherwise show dark text on dark grey.
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${area.left}" y="22" font-size="16" font-weight="600" fill="#111">${escapeXml(spec.title)}</text>`,
  );
  for (const band of spec.bands ?? []) {
    out.push(`<rect x="${fmt(sx(band.from))}" y="${area.top}" width="${fmt(Math.max(0, sx(band.to) - sx(band.from)))}" height="${area.bottom - area.top}" fill="#f4b400" fill-opacity="0.15"/>`);
  }
  for (const t of niceTicks(y0, y1, 6)) {
    out.push(`<line x1="${area.left}" x2="${area.right}" y1="${fmt(sy(t))}" y2="${fmt(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${area.left - 8}" y="${fmt(sy(t) + 4)}" text-anchor="end" fill="#444">${t}</text>`);
  }
  for (const t of niceTicks(x0, x1, 10)) {
    out.push(`<line x1="${fmt(sx(t))}" x2="${fmt(sx(t))}" y1="${area.bottom}" y2="${area.bottom + 5}" stroke="#444"/>`);
    out.push(`<text x="${fmt(sx(t))}" y="${area.bottom + 18}" text-anchor="middle" fill="#444">${t}</text>`);
  }
  out.push(
    `<path d="M${area.left} ${area.top}V${area.bottom}H${area.right}" fill="none" stroke="#444"/>`,
    `<text x="${fmt((area.left + area.right) / 2)}" y="${height - 8}" text-anchor="middle" fill="#222">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${fmt((area.top + area.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="#222">${escapeXml(spec.yLabel)}</text>`,
  );
  for (const marker of spec.markers ?? []) {
    const x = fmt(sx(marker.x));
    const color = marker.color ?? "#7b1fa2";
    out.push(`<line x1="${x}" x2="${x}" y1="${area.top}" y2="${area.bottom}" stroke="${color}" stroke-dasharray="2 3"/>`);
    // Labels near the right edge read leftwards so they stay inside the picture.
    const leftwards = sx(marker.x) > area.left + 0.7 * (area.right - area.left);
    const anchor = leftwards ? ` text-anchor="end"` : "";
    out.push(`<text x="${fmt(sx(marker.x) + (leftwards ? -4 : 4))}" y="${area.top + 12}" fill="${color}"${anchor}>${escapeXml(marker.label)}</text>`);
  }
  for (const s of spec.series) {
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    out.push(`<path d="${seriesPath(s.points, s.step ?? false, sx, sy)}" fill="none" stroke="${s.color}" stroke-width="1.5"${dash}><title>${escapeXml(s.label)}</title></path>`);
  }
  out.push(legend(spec, area));
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/** One row under the title; entries placed by a rough text width, enough for short labels. */
function legend(spec: ChartSpec, area: PlotArea): string {
  const entries: string[] = [];
  let x = area.left;
  const y = 44;
  // ~7 px a character at 12 px covers the usual sans-serif fonts without measuring text.
  const advance = (label: string) => (x += 48 + label.length * 7);
  for (const s of spec.series) {
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    entries.push(`<line x1="${fmt(x)}" x2="${fmt(x + 24)}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    entries.push(`<text x="${fmt(x + 30)}" y="${y}" fill="#222">${escapeXml(s.label)}</text>`);
    advance(s.label);
  }
  if (spec.bands?.length && spec.bandLabel) {
    entries.push(`<rect x="${fmt(x)}" y="${y - 10}" width="24" height="10" fill="#f4b400" fill-opacity="0.3"/>`);
    entries.push(`<text x="${fmt(x + 30)}" y="${y}" fill="#222">${escapeXml(spec.bandLabel)}</text>`);
  }
  return `<g>${entries.join("")}</g>`;
}
