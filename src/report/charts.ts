/**
 * The charts of the HTML report: Vega-Lite specifications made from the run's figures, compiled
 * and rendered to static SVG by Vega's SVG renderer, without a DOM and without a script in the
 * page. Vega escapes every label it writes; the SVG then gets chart-local ids, so that a page
 * holding several charts, or the same chart twice, stays valid and byte-for-byte reproducible.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CorpusDocumentLean, CorpusSummary, GroupSummary } from '../records.js';
import { CATEGORIES } from '../types.js';
import { excerpt } from './tally.js';
import { isSmallGroup, titleOf } from './facts.js';
import { CATEGORY_COLORS, categoryLabel } from './labels.js';
import type { Wording } from './locale.js';

/** The charts the overview shows; absent when there is nothing to draw. */
export interface OverviewCharts {
  distribution?: string;
  byYear?: string;
  topCategories?: string;
  groups?: string;
  groupRates?: string;
}

/** At most this many groups are drawn (the largest): more would not be read. */
export const MAX_CHART_GROUPS = 40;
/** At most this many of the top documents in the categories chart. */
export const MAX_CHART_DOCUMENTS = 15;

const WIDTH = 440;
const READING_COLORS = { promotional: '#D55E00', critical: '#0072B2', neutral: '#9E9E9E' } as const;

function config(w: Wording): NonNullable<TopLevelSpec['config']> {
  return {
    background: 'transparent',
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
    legend: { labelFontSize: 11, labelLimit: 260 },
    ...(w.locale === 'fr' ? { locale: { number: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'] } } } : {}),
  };
}

/** Groups as the charts draw them: comparable groups by mean score, then the small ones; the largest `MAX_CHART_GROUPS`. */
export function chartGroups(groups: readonly GroupSummary[]): GroupSummary[] {
  const shown = [...groups].sort((a, b) => b.documents - a.documents || b.words - a.words).slice(0, MAX_CHART_GROUPS);
  return shown.sort((a, b) => Number(isSmallGroup(a)) - Number(isSmallGroup(b)) || b.score.mean - a.score.mean);
}

const groupName = (group: GroupSummary, w: Wording, none: string): string =>
  `${excerpt(group.key ?? none, 40)}${isSmallGroup(group) ? ` (${w.m.smallGroup})` : ''}`;

/** Vega-Lite specifications of the overview's charts, from the run's figures: pure data, no rendering. */
export function overviewSpecs(documents: readonly CorpusDocumentLean[], summary: CorpusSummary, w: Wording, topDocs: number): Partial<Record<keyof OverviewCharts, TopLevelSpec>> {
  const specs: Partial<Record<keyof OverviewCharts, TopLevelSpec>> = {};
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: config(w) } as const;
  const readingDomain = (['promotional', 'critical', 'neutral'] as const).map((reading) => w.m.reading[reading]);
  const readingRange = (['promotional', 'critical', 'neutral'] as const).map((reading) => READING_COLORS[reading]);
  if (summary.ranking.length === 0) return specs;

  specs.distribution = {
    ...base,
    width: WIDTH,
    height: 180,
    data: { values: summary.ranking.map((entry) => ({ score: entry.score, reading: w.m.reading[entry.reading] })) },
    mark: { type: 'bar', binSpacing: 1 },
    encoding: {
      x: { field: 'score', type: 'quantitative', bin: { step: 10, extent: [0, 100] }, title: w.m.chart.scoreAxis },
      y: { aggregate: 'count', type: 'quantitative', title: w.m.chart.documentsAxis, axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'reading', type: 'nominal', scale: { domain: readingDomain, range: readingRange }, legend: { title: null, orient: 'top' } },
    },
  };

  const dated = summary.ranking.filter((entry) => entry.year !== null);
  if (dated.length > 0) {
    specs.byYear = {
      ...base,
      width: WIDTH,
      height: 200,
      data: { values: dated.map((entry) => ({ year: String(entry.year), score: entry.score })) },
      mark: { type: 'boxplot', extent: 'min-max', color: '#0072B2', size: 18 },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: w.m.year, axis: { labelAngle: 0 } },
        y: { field: 'score', type: 'quantitative', title: w.m.chart.scoreAxis, scale: { domain: [0, 100] } },
      },
    };
  }

  const byFile = new Map(documents.map((document) => [document.file, document]));
  const top = summary.ranking.filter((entry) => entry.findings > 0).slice(0, Math.min(Math.max(topDocs, 1), MAX_CHART_DOCUMENTS));
  const labels = CATEGORIES.map((category) => categoryLabel(category, w.locale));
  const points = top.flatMap((entry) => {
    const document = byFile.get(entry.file);
    if (!document) return [];
    const name = `${entry.rank}. ${excerpt(titleOf(document), 45)}`;
    return CATEGORIES.filter((category) => document.categories[category].weighted > 0).map((category) => ({
      document: name,
      rank: entry.rank,
      category: categoryLabel(category, w.locale),
      order: CATEGORIES.indexOf(category),
      points: document.categories[category].weighted,
    }));
  });
  if (points.length > 0) {
    specs.topCategories = {
      ...base,
      width: 360,
      height: { step: 20 },
      data: { values: points },
      mark: 'bar',
      encoding: {
        y: { field: 'document', type: 'nominal', title: null, sort: { field: 'rank', op: 'min', order: 'ascending' } },
        x: { field: 'points', type: 'quantitative', aggregate: 'sum', title: w.m.chart.pointsAxis },
        color: { field: 'category', type: 'nominal', scale: { domain: labels, range: [...CATEGORY_COLORS] }, legend: { title: null, orient: 'bottom', columns: 2 } },
        order: { field: 'order', type: 'quantitative' },
      },
    };
  }

  const groups = chartGroups(summary.groups);
  const none = w.m.none;
  if (groups.length > 1) {
    const normal = w.m.chart.meanScoreAxis;
    const small = w.m.smallGroup;
    specs.groups = {
      ...base,
      width: 360,
      height: { step: 20 },
      data: { values: groups.map((group, order) => ({ group: groupName(group, w, none), order, mean: group.score.mean, kind: isSmallGroup(group) ? small : normal })) },
      mark: 'bar',
      encoding: {
        y: { field: 'group', type: 'nominal', title: null, sort: { field: 'order', op: 'min', order: 'ascending' } },
        x: { field: 'mean', type: 'quantitative', title: w.m.chart.meanScoreAxis, scale: { domain: [0, 100] } },
        color: { field: 'kind', type: 'nominal', scale: { domain: [normal, small], range: ['#0072B2', '#BDBDBD'] }, legend: { title: null, orient: 'top' } },
      },
    };
    const cells = groups.flatMap((group, order) =>
      CATEGORIES.map((category, row) => ({ group: groupName(group, w, none), order, category: labels[row]!, row, rate: group.categories[category].rate })),
    );
    const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
      { mark: 'rect', encoding: { color: { field: 'rate', type: 'quantitative', title: w.m.chart.rateAxis, scale: { scheme: 'blues' } } } },
    ];
    if (groups.length <= 12) {
      layers.push({
        mark: { type: 'text', fontSize: 10 },
        encoding: { text: { field: 'rate', type: 'quantitative', format: '.1f' }, color: { condition: { test: 'datum.rate > 0', value: '#1d1d1f' }, value: '#9e9e9e' } },
      });
    }
    specs.groupRates = {
      ...base,
      width: { step: Math.max(28, Math.min(60, Math.floor(WIDTH / groups.length))) },
      height: { step: 22 },
      data: { values: cells },
      encoding: {
        x: { field: 'group', type: 'nominal', title: null, sort: { field: 'order', op: 'min', order: 'ascending' }, axis: { labelAngle: -35, orient: 'top' } },
        y: { field: 'category', type: 'nominal', title: null, sort: { field: 'row', op: 'min', order: 'ascending' } },
      },
      layer: layers,
    };
  }
  return specs;
}

/**
 * One chart as inline SVG: the spec compiled by Vega-Lite, rendered by Vega without a DOM
 * (`renderer: 'none'`, then `toSVG()`). `name` gives the chart its class and its ids' prefix.
 */
export async function renderChart(spec: TopLevelSpec, name: string, label: string): Promise<string> {
  // Loaded only when a chart is drawn: the other reports, and the CLI's start, do without.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  return tidySvg(svg, name, label);
}

/** Vega's SVG with the chart's class and accessible name on its root, and ids local to the chart. */
export function tidySvg(svg: string, name: string, label: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id!)) ids.set(id!, `${name}-${ids.size + 1}`);
  let out = svg;
  if (ids.size > 0) {
    out = out.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, before: string, id: string) => (ids.has(id) ? `${before}${ids.get(id)}` : whole));
  }
  const escaped = label.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return out.replace(/^<svg\b([^>]*?) class="marks"/, `<svg$1 class="chart ${name}" role="img" aria-label="${escaped}"`);
}

/** Every chart of the overview, rendered. */
export async function overviewCharts(documents: readonly CorpusDocumentLean[], summary: CorpusSummary, w: Wording, topDocs: number): Promise<OverviewCharts> {
  const specs = overviewSpecs(documents, summary, w, topDocs);
  const titles: Record<keyof OverviewCharts, string> = {
    distribution: w.m.chart.distribution,
    byYear: w.m.chart.byYear,
    topCategories: w.fill(w.m.chart.topCategories, { n: Math.min(topDocs, MAX_CHART_DOCUMENTS) }),
    groups: w.m.chart.groups,
    groupRates: w.m.chart.groupRates,
  };
  const charts: OverviewCharts = {};
  for (const key of Object.keys(specs) as Array<keyof OverviewCharts>) charts[key] = await renderChart(specs[key]!, `chart-${key}`, titles[key]);
  return charts;
}
