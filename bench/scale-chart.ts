/**
 * The small SVG chart of docs/BENCHMARKS.md: each measured figure as a bar
 * drawn against its own budget (the budget is the 100 % line), so figures in
 * milliseconds, megabytes and kilobytes share one axis. Hand-written SVG, no
 * dependency; the text in it is escaped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One bar: a figure and the budget it is held to. */
export interface ChartRow {
  readonly label: string;
  /** The measured value, in `unit`; NaN when it was not measured. */
  readonly value: number;
  /** The budget, in `unit` (> 0); lower is better. */
  readonly budget: number;
  readonly unit: string;
}

const WIDTH = 760;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 300;
const ROW_HEIGHT = 30;
const TOP = 46;
/** The axis runs to this multiple of the budget; a longer bar is cut and marked. */
const AXIS_MAX = 1.5;

/** `text` safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A number as the chart prints it: no more digits than the eye reads. */
function figure(value: number): string {
  if (Math.abs(value) >= 100) return String(Math.round(value));
  if (Math.abs(value) >= 10) return value.toFixed(1).replace(/\.0$/, '');
  return value.toFixed(2).replace(/\.?0+$/, '');
}

/** The rows of each benchmark group that draws in the chart, by group name (`--only` name). */
export type ChartGroups = Readonly<Record<string, readonly ChartRow[]>>;

/** Where {@link budgetChart} keeps its groups' rows inside the SVG, so one group can be redrawn alone. */
const ROWS_METADATA = /<metadata id="chart-rows">([^<]*)<\/metadata>/;
/** A bar as {@link budgetChart} draws it: its label, then `value / budget unit`. */
const DRAWN_BAR =
  /<text x="\d+" y="\d+" text-anchor="end">([^<]*)<\/text><rect [^>]*\/><text x="\d+" y="\d+">([\d.]+) \/ ([\d.]+) ([^<▸]*?)(?: ▸)?<\/text>/g;

function unescapeXml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * The groups drawn in `svg` (a chart this module wrote): from its metadata, or,
 * for a chart written before the metadata existed, its bars read back as the
 * group `legacyGroup` (values as printed, rounded for the eye).
 */
export function chartGroups(svg: string, legacyGroup: string): ChartGroups {
  const stored = ROWS_METADATA.exec(svg)?.[1];
  if (stored !== undefined) return JSON.parse(unescapeXml(stored)) as ChartGroups;
  const rows = [...svg.matchAll(DRAWN_BAR)].map(([, label, value, budget, unit]) => ({
    label: unescapeXml(label ?? ''),
    value: Number(value),
    budget: Number(budget),
    unit: unescapeXml(unit ?? ''),
  }));
  return rows.length > 0 ? { [legacyGroup]: rows } : {};
}

/** The chart: one bar per row, green within its budget, red over it; `groups` drawn in order. */
export function budgetChart(title: string, groups: ChartGroups): string {
  const rows = Object.values(groups).flat();
  const height = TOP + rows.length * ROW_HEIGHT + 28;
  const x0 = LABEL_WIDTH;
  const budgetX = x0 + BAR_WIDTH / AXIS_MAX;
  const bars = rows.map((row, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const label = `<text x="${x0 - 8}" y="${y + 15}" text-anchor="end">${escapeXml(row.label)}</text>`;
    if (!Number.isFinite(row.value)) {
      return `${label}<text x="${x0 + 4}" y="${y + 15}" class="note">not measured</text>`;
    }
    const ratio = row.value / row.budget;
    const width = Math.max(1, Math.min(AXIS_MAX, ratio) * (BAR_WIDTH / AXIS_MAX));
    const over = ratio > 1;
    const cut = ratio > AXIS_MAX ? ' ▸' : '';
    return (
      `${label}<rect x="${x0}" y="${y + 3}" width="${width.toFixed(1)}" height="16" class="${over ? 'over' : 'within'}"/>` +
      `<text x="${x0 + BAR_WIDTH + 8}" y="${y + 15}">${escapeXml(`${figure(row.value)} / ${figure(row.budget)} ${row.unit}${cut}`)}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<metadata id="chart-rows">${escapeXml(JSON.stringify(groups))}</metadata>`,
    '<style>text{font:13px sans-serif;fill:#1a1a1a}.note{fill:#555}.within{fill:#2e7d32}.over{fill:#c62828}.budget{stroke:#1a1a1a;stroke-dasharray:4 3}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="20" style="font-weight:bold">${escapeXml(title)}</text>`,
    `<text x="${budgetX}" y="${TOP - 8}" text-anchor="middle" class="note">budget</text>`,
    `<line x1="${budgetX}" y1="${TOP - 4}" x2="${budgetX}" y2="${TOP + rows.length * ROW_HEIGHT}" class="budget"/>`,
    ...bars,
    `<text x="8" y="${height - 8}" class="note">Bar length: the figure as a share of its budget (dashed line = 100 %; ▸ cut at ${AXIS_MAX * 100} %). Green within, red over.</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The chart's title: it gathers every group's figures (scale, first visit, offline, Lighthouse). */
export const CHART_TITLE = 'Main figures against their budgets and aims';

/**
 * Redraws the chart at `file` with `group`'s bars replaced by `rows`, keeping
 * the other groups' bars as the chart holds them (each group's run writes
 * only its own figures).
 */
export function writeChartGroup(file: string, group: string, rows: readonly ChartRow[]): void {
  const existing = existsSync(file) ? chartGroups(readFileSync(file, 'utf8'), 'scale') : {};
  writeFileSync(file, budgetChart(CHART_TITLE, { ...existing, [group]: rows }));
}
