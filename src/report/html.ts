/**
 * The HTML report: one self-contained page that works offline, with no script at all, and stays
 * small at corpus size. An overview (the caveat, charts drawn by Vega as static SVG, the ranking
 * of every document by its title), groups side by side with their top terms, the categories, a
 * glossary that gives each rule's gloss once, then the top documents in full, highlighted, in
 * rank order. `htmlSite` writes the same overview as an index, plus a page per document.
 * Everything from input is escaped, and a Content-Security-Policy forbids scripts and remote
 * resources in case anything ever slipped through.
 */
import { isCorpusFailure, type CorpusDocumentLean, type CorpusFailure, type GroupSummary, type MetaValue, type RankedDocument } from '../records.js';
import { questionsFor } from '../questions/index.js';
import { CATEGORIES, type Category } from '../types.js';
import { MAX_CHART_DOCUMENTS, MAX_CHART_GROUPS, overviewCharts, type OverviewCharts } from './charts.js';
import { escapeHtml as esc } from './escape.js';
import { isSmallGroup, rankedGroups, SMALL_GROUP, sourceUrlOf, termsByGroup, titleOf, warningsOf } from './facts.js';
import { categoryChip, categoryClass, glossaryOf, glossarySection, highlightedText, type GlossaryEntry } from './html-parts.js';
import { CATEGORY_COLORS, categoryDescription } from './labels.js';
import { resolveLocale, wording, type Wording } from './locale.js';
import type { TermCount } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Documents shown in full when `topDocs` is not given. */
export const DEFAULT_TOP_DOCS = 50;

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --paper: #fff; --soft: #f5f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.8rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { margin-bottom: .25rem; overflow-wrap: anywhere; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.title { overflow-wrap: anywhere; min-width: 14rem; }
.file { display: block; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.caveat { border-left: 4px solid #E69F00; background: #fff8e6; padding: .6rem 1rem; border-radius: .25rem; margin: 1rem 0; }
.caveat p { margin: .25rem 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
figcaption { font-weight: 600; }
figcaption span { display: block; font-weight: normal; color: var(--muted); font-size: .9rem; }
svg.chart { max-width: 100%; height: auto; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .6rem; background: #e8e8ed; color: var(--muted); white-space: nowrap; }
tr.small td { color: var(--muted); }
.cats { list-style: none; margin: 0; padding: 0; font-size: .85rem; }
.chip { display: inline-block; width: .8rem; height: .8rem; border-radius: .2rem; vertical-align: -.05rem; margin-right: .3rem; background: var(--c); }
ul.terms { margin: 0; padding-left: 1rem; font-size: .85rem; }
ul.warnings code { margin-right: .4rem; }
article.doc { border-top: 3px solid var(--line); margin-top: 2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .92rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
dl.glossary dt { margin-top: .6rem; }
dl.glossary dd { margin: .1rem 0 0 1.2rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 Georgia, "Times New Roman", serif; background: var(--soft); padding: 1rem; border-radius: .5rem; }
mark { position: relative; color: inherit; border-bottom: 3px solid var(--c); background: var(--bg); border-radius: .15rem; cursor: help; }
mark.s-reported { border-bottom-style: dashed; }
mark.s-distanced { border-bottom-style: dotted; background: transparent; }
mark:focus { outline: 2px solid var(--c); outline-offset: 1px; }
mark::after { display: none; }
mark:hover::after, mark:focus::after {
  content: attr(data-tip); display: block; position: absolute; z-index: 10; left: 0; top: 1.8em;
  width: max-content; max-width: min(26rem, 80vw); white-space: pre-line; text-align: left;
  font: 13px/1.4 system-ui, sans-serif; color: #fff; background: #202124; padding: .5rem .65rem; border-radius: .35rem;
  box-shadow: 0 2px 10px rgba(0,0,0,.3);
}
${CATEGORIES.map((category, i) => `.${categoryClass(category)} { --c: ${CATEGORY_COLORS[i]}; --bg: ${CATEGORY_COLORS[i]}2e; }`).join('\n')}
@media print { mark::after { display: none !important; } .text { background: none; } figure { break-inside: avoid; } }
`;

/** One page of `htmlSite`: its path inside the folder, with `/` separators, and its HTML. */
export interface HtmlPage {
  path: string;
  html: string;
}

/** What every part of a report needs to know about the run. */
interface Context {
  w: Wording;
  title: string;
  documents: CorpusDocumentLean[];
  failures: CorpusFailure[];
  byFile: Map<string, CorpusDocumentLean>;
  glossary: Map<string, GlossaryEntry>;
  /** Where the ranking links a document: its page, its section of this page, or nowhere. */
  documentLink: (entry: RankedDocument) => string | undefined;
  /** The glossary's address from the page being written (`#…` or `index.html#…`). */
  glossaryHref: (ruleId: string) => string;
  groupField: string;
  /** Documents shown in full. */
  topDocs: number;
}

const num = (w: Wording, value: number, digits = 0): string => `<td class="n">${w.decimal(value, digits)}</td>`;
const metaText = (value: MetaValue): string => (typeof value === 'string' ? value : JSON.stringify(value));
const keyText = (key: string | null, none: string): string => (key === null ? `<span class="muted">${esc(none)}</span>` : esc(key));
const sourceLink = (url: string | undefined, w: Wording): string => (url === undefined ? '' : ` <a href="${esc(url)}" rel="noreferrer noopener">${esc(w.m.sourceLink)}</a>`);

/** 32-bit FNV-1a of a string, in hex: a stable, short tag for page names. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The page of a document in `htmlSite`: `documents/<name>-<hash>.html`, from its path alone, so
 * a link to it keeps working from one run to the next.
 */
export function documentPagePath(file: string): string {
  const name = file
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-60)
    .replace(/^-+/, '');
  return `documents/${name || 'document'}-${fnv1a(file)}.html`;
}

function context(input: ReportInput, options: ReportOptions, site: boolean): Context {
  const documents = input.results.filter((result): result is CorpusDocumentLean => !isCorpusFailure(result));
  const w = wording(resolveLocale(input.results, options.locale ?? 'auto'));
  const topDocs = Math.max(0, options.topDocs ?? DEFAULT_TOP_DOCS);
  const glossary = glossaryOf(documents);
  const anchorOf = (ruleId: string): string => glossary.get(ruleId)?.anchor ?? '';
  return {
    w,
    title: options.title ?? w.m.defaultTitle,
    documents,
    failures: input.results.filter(isCorpusFailure),
    byFile: new Map(documents.map((document) => [document.file, document])),
    glossary,
    documentLink: site ? (entry) => documentPagePath(entry.file) : (entry) => (entry.rank <= topDocs ? `#doc-${entry.rank}` : undefined),
    glossaryHref: (ruleId) => `#${anchorOf(ruleId)}`,
    groupField: input.summary.groupBy === 'folder' ? w.m.folder : input.summary.groupBy,
    topDocs,
  };
}

function head(title: string, w: Wording): string {
  return `<!DOCTYPE html>
<html lang="${w.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="novlangue">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
`;
}

const figure = (svg: string | undefined, caption: string, note: string): string =>
  svg === undefined ? '' : `<figure><figcaption>${esc(caption)}<span>${esc(note)}</span></figcaption>${svg}</figure>`;

function rankingSection(ctx: Context, ranking: readonly RankedDocument[]): string {
  const { w } = ctx;
  if (ranking.length === 0) return `<section id="ranking"><h2>${esc(w.m.nav.ranking)}</h2><p>${esc(w.m.noDocuments)}</p></section>`;
  const rows = ranking
    .map((entry) => {
      const document = ctx.byFile.get(entry.file);
      const title = document ? titleOf(document) : entry.file;
      const href = ctx.documentLink(entry);
      const name = href === undefined ? esc(title) : `<a href="${esc(href)}">${esc(title)}</a>`;
      const badge = entry.empty === true ? w.m.empty : entry.short ? w.m.short : undefined;
      const reading = esc(w.m.reading[entry.reading]) + (badge === undefined ? '' : ` <span class="badge">${esc(badge)}</span>`);
      const categories = entry.top.length ? `<ul class="cats">${entry.top.map((category) => `<li>${categoryChip(category, w)}</li>`).join('')}</ul>` : '–';
      return (
        `<tr><td class="n">${entry.rank}</td>${num(w, entry.score, 1)}<td>${reading}</td>` +
        `<td class="title">${name}<span class="file">${esc(entry.file)}${sourceLink(document && sourceUrlOf(document), w)}</span></td>` +
        `<td>${categories}</td><td>${keyText(entry.group, w.m.none)}</td>${num(w, entry.words)}${num(w, entry.findings)}</tr>`
      );
    })
    .join('');
  const c = w.m.column;
  return (
    `<section id="ranking"><h2>${esc(w.m.nav.ranking)}</h2><table><thead><tr><th class="n">${esc(c.rank)}</th><th class="n">${esc(c.score)}</th><th>${esc(c.reading)}</th>` +
    `<th>${esc(c.title)}</th><th>${esc(c.topCategories)}</th><th>${esc(ctx.groupField)}</th><th class="n">${esc(c.words)}</th><th class="n">${esc(c.findings)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

/** A table of groups (comparable ones first, by mean score) or of years (`terms` undefined: in their order). */
function groupTable(ctx: Context, groups: readonly GroupSummary[], field: string, none: string, terms: ReadonlyMap<string | null, TermCount[]> | undefined): string {
  const { w } = ctx;
  const c = w.m.column;
  const rows = (terms === undefined ? groups : rankedGroups(groups))
    .map((group) => {
      const small = isSmallGroup(group);
      const badge = small ? ` <span class="badge" title="${esc(w.fill(w.m.smallGroupNote, { documents: SMALL_GROUP.documents, words: w.integer(SMALL_GROUP.words) }))}">${esc(w.m.smallGroup)}</span>` : '';
      const readings = w.fill(w.m.groupReadings, group.readings);
      const groupTerms = terms?.get(group.key) ?? [];
      const termList = terms === undefined ? '' : `<td>${groupTerms.length ? `<ul class="terms">${groupTerms.map((term) => `<li><a href="${esc(ctx.glossaryHref(term.ruleId))}">« ${esc(term.form)} »</a> ×${term.count}</li>`).join('')}</ul>` : `<span class="muted">${esc(w.m.noTopTerms)}</span>`}</td>`;
      return (
        `<tr${small ? ' class="small"' : ''}><td>${keyText(group.key, none)}${badge}</td>${num(w, group.documents)}${num(w, group.words)}${num(w, group.findings)}` +
        `${num(w, group.score.mean, 1)}${num(w, group.score.median, 1)}${num(w, group.score.max, 1)}<td>${esc(readings)}</td>${termList}</tr>`
      );
    })
    .join('');
  return (
    `<table class="groups"><thead><tr><th>${esc(field)}</th><th class="n">${esc(c.documents)}</th><th class="n">${esc(c.words)}</th><th class="n">${esc(c.findings)}</th>` +
    `<th class="n">${esc(c.mean)}</th><th class="n">${esc(c.median)}</th><th class="n">${esc(c.max)}</th><th>${esc(c.reading)}</th>${terms === undefined ? '' : `<th>${esc(w.m.topTerms)}</th>`}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

function groupsSection(ctx: Context, input: ReportInput, charts: OverviewCharts): string {
  const { w } = ctx;
  const { summary } = input;
  const terms = termsByGroup(input, 5);
  const capped = summary.groups.length > MAX_CHART_GROUPS ? `<p class="muted">${esc(w.fill(w.m.chart.groupsCapped, { shown: MAX_CHART_GROUPS, total: summary.groups.length }))}</p>` : '';
  const heading = w.fill(w.m.groupsHeading, { field: ctx.groupField });
  let html =
    `<section id="groups"><h2>${esc(heading)}</h2>` +
    `<p class="muted">${esc(w.fill(w.m.smallGroupNote, { documents: SMALL_GROUP.documents, words: w.integer(SMALL_GROUP.words) }))}</p>` +
    `<div class="charts">${figure(charts.groups, w.m.chart.groups, w.m.chart.groupsNote)}${figure(charts.groupRates, w.m.chart.groupRates, '')}</div>${capped}` +
    groupTable(ctx, summary.groups, ctx.groupField, w.m.none, terms);
  if (summary.years.some((year) => year.key !== null)) {
    html += `<h3>${esc(w.m.terminal.byYear)}</h3>${groupTable(ctx, summary.years, w.m.year, w.m.noDate, undefined)}`;
  }
  return `${html}</section>`;
}

function categoriesSection(ctx: Context, input: ReportInput): string {
  const { w } = ctx;
  const c = w.m.column;
  // The nine, then the categories custom lexicons declared: the summary's totals list them all.
  const rows = (Object.keys(input.summary.total.categories) as Category[]).map((category) => {
    const total = input.summary.total.categories[category];
    return `<tr><td>${categoryChip(category, w)}<span class="file">${esc(categoryDescription(category))}</span></td>${num(w, total.count)}${num(w, total.documents)}${num(w, total.weighted, 2)}${num(w, total.rate, 2)}</tr>`;
  }).join('');
  return (
    `<section id="categories"><h2>${esc(w.m.nav.categories)}</h2><table><thead><tr><th>${esc(c.category)}</th><th class="n">${esc(c.findings)}</th><th class="n">${esc(c.documents)}</th>` +
    `<th class="n">${esc(c.weighted)}</th><th class="n">${esc(c.perThousand)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function failuresSection(ctx: Context): string {
  const { w } = ctx;
  if (ctx.failures.length === 0) return '';
  const rows = ctx.failures.map((failure) => `<tr><td class="title">${esc(failure.file)}</td><td>${esc(failure.error.code)}</td><td>${esc(failure.error.message)}</td></tr>`).join('');
  return `<section id="failures"><h2>${esc(w.m.nav.failures)}</h2><table><thead><tr><th>${esc(w.m.column.file)}</th><th>${esc(w.m.column.code)}</th><th>${esc(w.m.column.message)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The documents analysed in spite of a warning (a front matter typo, a misnamed sidecar), one short line each: the message names the file. */
function warningsSection(ctx: Context): string {
  const { w } = ctx;
  const warnings = warningsOf(ctx.documents);
  if (warnings.length === 0) return '';
  const items = warnings.map((warning) => `<li><code>${esc(warning.code)}</code>${esc(warning.message)}</li>`).join('');
  return `<section id="warnings"><h2>${esc(w.m.nav.warnings)}</h2><p class="muted">${esc(w.m.warningsIntro)}</p><ul class="warnings">${items}</ul></section>`;
}

/** Categories whose questions the overview shows: the three with the most weighted points in the corpus. */
export const QUESTION_CATEGORIES = 3;

function questionCategories(input: ReportInput): Category[] {
  const totals = input.summary.total.categories;
  return CATEGORIES.filter((category) => totals[category].weighted > 0)
    .sort((a, b) => totals[b].weighted - totals[a].weighted || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b))
    .slice(0, QUESTION_CATEGORIES);
}

/** The questions to ask the city, for the categories the corpus leans on most (from `src/questions/`). */
function questionsSection(ctx: Context, input: ReportInput): string {
  const { w } = ctx;
  const top = questionCategories(input);
  if (top.length === 0) return '';
  const blocks = top
    .map((category) => {
      const items = questionsFor(category, w.locale).map((question) => `<li>${esc(question.text)} <span class="muted">(${esc(question.section)})</span></li>`);
      return `<h3>${categoryChip(category, w)}</h3><ul>${items.join('')}</ul>`;
    })
    .join('');
  return `<section id="questions"><h2>${esc(w.m.nav.questions)}</h2><p class="muted">${esc(w.m.questionsIntro)}</p>${blocks}</section>`;
}

/** The header and overview: the caveat, the charts, the ranking, the groups, the categories, the failures. */
function overview(ctx: Context, input: ReportInput, charts: OverviewCharts, documentsNav: boolean): string {
  const { w } = ctx;
  const { summary } = input;
  const line = w.fill(w.m.summaryLine, {
    files: w.count('files', summary.files),
    analysed: w.count('analysed', summary.documents),
    failed: w.count('failed', summary.failures),
    words: w.count('words', summary.total.words),
    findings: w.count('findings', summary.total.findings),
  });
  const headline = summary.documents ? w.fill(w.m.headerLine, { counts: line, mean: w.fill(w.m.meanScore, { mean: w.decimal(summary.total.score.mean, 1) }) }) : `${line}.`;
  const nav = [
    ['overview', w.m.nav.overview],
    ['ranking', w.m.nav.ranking],
    ...(questionCategories(input).length > 0 ? [['questions', w.m.nav.questions]] : []),
    ['groups', w.fill(w.m.groupsHeading, { field: ctx.groupField })],
    ['categories', w.m.nav.categories],
    ...(ctx.failures.length ? [['failures', w.m.nav.failures]] : []),
    ...(warningsOf(ctx.documents).length ? [['warnings', w.m.nav.warnings]] : []),
    ...(documentsNav ? [['documents', w.m.nav.documents]] : []),
    ...(ctx.glossary.size ? [['glossary', w.m.nav.glossary]] : []),
  ]
    .map(([id, label]) => `<li><a href="#${id}">${esc(label!)}</a></li>`)
    .join('');
  const topN = Math.min(ctx.topDocs, MAX_CHART_DOCUMENTS);
  const figures =
    figure(charts.distribution, w.m.chart.distribution, w.m.chart.distributionNote) +
    figure(charts.byYear, w.m.chart.byYear, w.m.chart.byYearNote) +
    figure(charts.topCategories, w.fill(w.m.chart.topCategories, { n: topN }), w.m.chart.topCategoriesNote);
  return (
    `<header><h1>${esc(ctx.title)}</h1>\n<p>${esc(headline)}</p>\n` +
    `<div class="caveat"><p><strong>${esc(w.m.caveatTitle)}.</strong> ${esc(w.m.caveat)}</p></div>\n` +
    `<nav aria-label="${esc(w.m.nav.overview)}"><ul>${nav}</ul></nav>\n<p class="muted">${esc(w.m.howToRead)}</p>\n</header>\n<main>\n` +
    `<section id="overview"><h2>${esc(w.m.nav.overview)}</h2><div class="charts">${figures}</div></section>\n` +
    rankingSection(ctx, summary.ranking) +
    questionsSection(ctx, input) +
    groupsSection(ctx, input, charts) +
    categoriesSection(ctx, input) +
    failuresSection(ctx) +
    warningsSection(ctx)
  );
}

/** A document in full: its facts, its text highlighted, its findings linked to the glossary. */
function documentArticle(ctx: Context, document: CorpusDocumentLean, entry: RankedDocument | undefined): string {
  const { w } = ctx;
  const f = w.m.fact;
  const percent = (share: number): string => String(Math.round(share * 100));
  const facts: Array<[string, string]> = [
    [f.rank, entry === undefined ? '–' : String(entry.rank)],
    [f.score, w.decimal(document.score, 1)],
    [f.reading, w.m.reading[document.stance.reading]],
    [f.voice, w.fill(f.voiceValue, { use: percent(document.stance.use), reported: percent(document.stance.reported), distanced: percent(document.stance.distanced) })],
    [f.words, String(document.words)],
    [f.file, document.file],
    [f.format, `${document.format}${document.encoding ? `, ${document.encoding}` : ''}, ${w.fill(f.bytes, { n: document.bytes })}, ${document.lang}`],
  ];
  const markers = document.stance.markers.map(({ marker, count }) => `${marker} ×${count}`).join(', ');
  if (markers) facts.push([f.markers, markers]);
  for (const warning of document.warnings ?? []) facts.push([f.warning, `${warning.code}: ${warning.message}`]);
  const dl = [...facts, ...Object.entries(document.meta).map(([key, value]): [string, string] => [key, metaText(value)])]
    .map(([key, value]) => `<dt>${esc(key)}</dt><dd>${esc(value)}</dd>`)
    .join('');
  const c = w.m.column;
  const rows = document.findings
    .map(
      (finding) =>
        `<tr><td class="n">${finding.place.start.line}:${finding.place.start.column}</td><td>${categoryChip(finding.category, w)}</td>` +
        `<td>${esc(w.m.stanceShort[finding.stance] ?? finding.stance)}</td><td>${esc(finding.actual)}</td><td class="n">${w.number(finding.weight)}</td>` +
        `<td><a href="${esc(ctx.glossaryHref(finding.ruleId))}"><code>${esc(finding.ruleId)}</code></a></td><td>${esc(finding.message)}</td></tr>`,
    )
    .join('');
  const table = document.findings.length
    ? `<table class="findings"><thead><tr><th class="n">${esc(c.line)}</th><th>${esc(c.category)}</th><th>${esc(c.stance)}</th><th>${esc(c.text)}</th><th class="n">${esc(c.weight)}</th><th>${esc(c.rule)}</th><th>${esc(c.message)}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${esc(w.m.noFindings)}</p>`;
  const id = entry === undefined ? '' : ` id="doc-${entry.rank}"`;
  const rank = entry === undefined ? '' : `${entry.rank}. `;
  return (
    `<article class="doc"${id}><h3>${esc(rank + titleOf(document))}</h3><p class="file">${esc(document.file)}${sourceLink(sourceUrlOf(document), w)}</p><dl class="meta">${dl}</dl>` +
    `<h4>${esc(w.m.textHeading)}</h4><div class="text">${highlightedText(document.text, document.findings, w)}</div>` +
    `<h4>${esc(w.fill(w.m.findingsHeading, { n: document.findings.length }))}</h4>${table}</article>`
  );
}

const END = `</main>
</body>
</html>
`;

/** The HTML report, as one string. */
export async function formatHtml(input: ReportInput, options: ReportOptions = {}): Promise<string> {
  let html = '';
  for await (const chunk of htmlChunks(input, options)) html += chunk;
  return html;
}

/**
 * `formatHtml` in parts: the overview, then a document at a time, then the glossary. The same
 * text, byte for byte, for runs whose report is longer than one string can be.
 */
export async function* htmlChunks(input: ReportInput, options: ReportOptions = {}): AsyncGenerator<string> {
  const ctx = context(input, options, false);
  const { w } = ctx;
  const charts = await overviewCharts(ctx.documents, input.summary, w, ctx.topDocs);
  const shown = input.summary.ranking.slice(0, ctx.topDocs);
  const intro = shown.length === input.summary.ranking.length ? w.m.documentsAll : w.fill(w.m.documentsIntro, { shown: shown.length, total: input.summary.ranking.length });
  yield head(ctx.title, w) + overview(ctx, input, charts, shown.length > 0) +
    (shown.length ? `\n<section id="documents"><h2>${esc(w.m.nav.documents)}</h2><p class="muted">${esc(intro)}</p>` : '');
  for (const entry of shown) {
    const document = ctx.byFile.get(entry.file);
    if (document) yield documentArticle(ctx, document, entry);
  }
  yield `${shown.length ? '</section>\n' : ''}${glossarySection(ctx.glossary, w)}\n${END}`;
}

/**
 * The report as a folder: `index.html` (the overview, the ranking linking every document, the
 * glossary), then `documents/….html`, one page per document in rank order (see
 * `documentPagePath`). Pages come one at a time, for the caller to write.
 */
export async function* htmlSite(input: ReportInput, options: ReportOptions = {}): AsyncGenerator<HtmlPage> {
  const ctx = context(input, options, true);
  const { w } = ctx;
  const charts = await overviewCharts(ctx.documents, input.summary, w, ctx.topDocs);
  const index = head(ctx.title, w) + overview(ctx, input, charts, false) +
    `\n<p class="muted">${esc(w.m.documentsElsewhere)}</p>\n${glossarySection(ctx.glossary, w)}\n${END}`;
  yield { path: 'index.html', html: index };
  const page: Context = { ...ctx, glossaryHref: (ruleId) => `../index.html#${ctx.glossary.get(ruleId)?.anchor ?? ''}` };
  for (const entry of input.summary.ranking) {
    const document = ctx.byFile.get(entry.file);
    if (!document) continue;
    const title = `${titleOf(document)} · ${ctx.title}`;
    yield {
      path: documentPagePath(entry.file),
      html: `${head(title, w)}<header><p><a href="../index.html">${esc(w.m.backToIndex)}</a></p></header>\n<main>\n${documentArticle(page, document, entry)}\n${END}`,
    };
  }
}
