/**
 * The HTML report: one self-contained file that works offline, with no script at all. An
 * overview (ranking, category chart, groups side by side, years, failures), then a section per
 * document with its text, findings highlighted by category, the gloss and stance on hover and
 * keyboard focus. Everything from input is escaped, and a Content-Security-Policy forbids
 * scripts and remote resources in case anything ever slipped through.
 */
import { isCorpusFailure, type CorpusDocumentLean, type GroupSummary, type MetaValue } from '../records.js';
import { CATEGORIES } from '../types.js';
import { escapeHtml as esc } from './escape.js';
import { categoryChart, categoryClass, highlightedText } from './html-parts.js';
import { CATEGORY_COLORS, categoryDescription, categoryLabel } from './labels.js';
import type { ReportInput, ReportOptions } from './types.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

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
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.file { overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
.chart.compact text { font-size: 11px; }
.groups { display: flex; flex-wrap: wrap; gap: 1rem; }
.group { flex: 1 1 20rem; border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; background: var(--soft); }
.group h3 { margin-top: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; padding: 0; list-style: none; font-size: .9rem; }
.chip { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; vertical-align: -.1rem; margin-right: .3rem; }
article.doc { border-top: 3px solid var(--line); margin-top: 2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .92rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
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
@media print { mark::after { display: none !important; } .text { background: none; } }
`;

const num = (value: number, digits = 0): string => `<td class="n">${value.toFixed(digits)}</td>`;
const metaText = (value: MetaValue): string => (typeof value === 'string' ? value : JSON.stringify(value));
const keyText = (key: string | null, none: string): string => (key === null ? `<span class="muted">${none}</span>` : esc(key));

function legend(): string {
  return `<ul class="legend">${CATEGORIES.map(
    (category, i) => `<li title="${esc(categoryDescription(category))}"><span class="chip" style="background:${CATEGORY_COLORS[i]}"></span>${esc(categoryLabel(category))} <span class="muted">(${category})</span></li>`,
  ).join('')}</ul>`;
}

function groupsSection(title: string, groups: readonly GroupSummary[], none: string): string {
  const max = Math.max(0, ...groups.flatMap((group) => CATEGORIES.map((category) => group.categories[category].rate)));
  const cards = groups
    .map(
      (group) =>
        `<section class="group"><h3>${keyText(group.key, none)}</h3>` +
        `<p>${group.documents} document${group.documents === 1 ? '' : 's'}, ${group.words} words, ${group.findings} findings<br>` +
        `score mean ${group.score.mean.toFixed(1)}, median ${group.score.median.toFixed(1)}, max ${group.score.max.toFixed(1)}<br>` +
        `${group.readings.promotional} promotional, ${group.readings.critical} critical, ${group.readings.neutral} neutral</p>` +
        categoryChart(group.categories, { title: `Findings per 1,000 words, ${group.key ?? none}`, value: (total) => total.rate, max, digits: 2, compact: true }) +
        `</section>`,
    )
    .join('');
  const header = `<tr><th>Per 1,000 words</th>${groups.map((group) => `<th class="n">${keyText(group.key, none)}</th>`).join('')}</tr>`;
  const rows = CATEGORIES.map((category) => `<tr><td><span class="chip ${categoryClass(category)}" style="background:var(--c)"></span>${esc(categoryLabel(category))}</td>${groups.map((group) => num(group.categories[category].rate, 2)).join('')}</tr>`).join('');
  const scoreRow = `<tr><td>Mean score</td>${groups.map((group) => num(group.score.mean, 1)).join('')}</tr>`;
  return `<div class="groups">${cards}</div><h3>${esc(title)} side by side</h3><table><thead>${header}</thead><tbody>${scoreRow}${rows}</tbody></table>`;
}

function documentSection(document: CorpusDocumentLean, index: number, rank: number | undefined): string {
  const meta = Object.entries(document.meta);
  const facts: Array<[string, string]> = [
    ['rank', rank === undefined ? '–' : String(rank)],
    ['score', document.score.toFixed(1)],
    ['reading', document.stance.reading],
    ['voice', `${Math.round(document.stance.use * 100)}% own, ${Math.round(document.stance.reported * 100)}% reported, ${Math.round(document.stance.distanced * 100)}% distanced`],
    ['words', String(document.words)],
    ['format', `${document.format}${document.encoding ? `, ${document.encoding}` : ''}, ${document.bytes} bytes, ${document.lang}`],
  ];
  const markers = document.stance.markers.map(({ marker, count }) => `${marker} ×${count}`).join(', ');
  if (markers) facts.push(['markers', markers]);
  const dl = [...facts.map(([key, value]) => [key, esc(value)]), ...meta.map(([key, value]) => [esc(key), esc(metaText(value))])]
    .map(([key, value]) => `<dt>${key}</dt><dd>${value}</dd>`)
    .join('');
  const rows = document.findings
    .map(
      (finding) =>
        `<tr><td class="n">${finding.place.start.line}:${finding.place.start.column}</td>` +
        `<td><span class="chip ${categoryClass(finding.category)}" style="background:var(--c)"></span>${esc(categoryLabel(finding.category))}</td>` +
        `<td>${esc(finding.stance)}</td><td>${esc(finding.actual)}</td><td class="n">${finding.weight}</td><td>${esc(finding.note)} <span class="muted">(${esc(finding.section)})</span></td></tr>`,
    )
    .join('');
  const table = document.findings.length
    ? `<table class="findings"><thead><tr><th class="n">Line</th><th>Category</th><th>Stance</th><th>Text</th><th class="n">Weight</th><th>Gloss</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No findings.</p>';
  return (
    `<article class="doc" id="doc-${index}"><h3>${esc(document.file)}</h3><dl class="meta">${dl}</dl>` +
    `<h4>Text</h4><div class="text">${highlightedText(document.text, document.findings)}</div>` +
    `<h4>Findings (${document.findings.length})</h4>${table}</article>`
  );
}

/** The HTML report, as one string. */
export function formatHtml(input: ReportInput, options: ReportOptions = {}): string {
  return [...htmlChunks(input, options)].join('');
}

/**
 * `formatHtml` in parts, a document at a time: the same text, byte for byte, for runs whose
 * report is longer than one string can be (thousands of documents with their texts and glosses).
 */
export function* htmlChunks(input: ReportInput, options: ReportOptions = {}): Generator<string> {
  const { summary } = input;
  const title = options.title ?? 'novlangue report';
  const documents = input.results.filter((result): result is CorpusDocumentLean => !isCorpusFailure(result));
  const failures = input.results.filter(isCorpusFailure);
  const anchor = new Map(documents.map((document, index) => [document.file, index]));
  const rankOf = new Map(summary.ranking.map((entry) => [entry.file, entry.rank]));
  const groupName = summary.groupBy === 'folder' ? 'folder' : summary.groupBy;

  const ranking = summary.ranking
    .map(
      (entry) =>
        `<tr><td class="n">${entry.rank}</td>${num(entry.score, 1)}<td>${esc(entry.reading)}</td>${num(entry.words)}${num(entry.findings)}` +
        `<td>${entry.top.map((category) => `<span class="chip ${categoryClass(category)}" style="background:var(--c)" title="${esc(categoryLabel(category))}"></span>`).join('')}</td>` +
        `<td>${keyText(entry.group, '–')}</td><td class="file"><a href="#doc-${anchor.get(entry.file) ?? 0}">${esc(entry.file)}</a></td></tr>`,
    )
    .join('');
  const failureRows = failures.map((failure) => `<tr><td class="file">${esc(failure.file)}</td><td>${esc(failure.error.code)}</td><td>${esc(failure.error.message)}</td></tr>`).join('');
  const maxRate = Math.max(0, ...CATEGORIES.map((category) => summary.total.categories[category].rate));

  const sections: string[] = [
    `<section id="ranking"><h2>Ranking</h2>${
      summary.ranking.length
        ? `<table><thead><tr><th class="n">#</th><th class="n">Score</th><th>Reading</th><th class="n">Words</th><th class="n">Findings</th><th>Top categories</th><th>${esc(groupName)}</th><th>File</th></tr></thead><tbody>${ranking}</tbody></table>`
        : '<p>No document could be analysed.</p>'
    }</section>`,
    `<section id="categories"><h2>Categories</h2>${legend()}${categoryChart(summary.total.categories, { title: 'Findings per 1,000 words, whole corpus', value: (total) => total.rate, max: maxRate, digits: 2 })}` +
      `<table><thead><tr><th>Category</th><th class="n">Findings</th><th class="n">Documents</th><th class="n">Weighted</th><th class="n">Per 1,000 words</th></tr></thead><tbody>${CATEGORIES.map((category) => {
        const total = summary.total.categories[category];
        return `<tr><td><span class="chip ${categoryClass(category)}" style="background:var(--c)"></span>${esc(categoryLabel(category))}</td>${num(total.count)}${num(total.documents)}${num(total.weighted, 2)}${num(total.rate, 2)}</tr>`;
      }).join('')}</tbody></table></section>`,
    `<section id="groups"><h2>By ${esc(groupName)}</h2>${groupsSection(`By ${groupName}`, summary.groups, '(none)')}</section>`,
  ];
  if (summary.years.some((year) => year.key !== null)) sections.push(`<section id="years"><h2>By year</h2>${groupsSection('Years', summary.years, '(no date)')}</section>`);
  if (failures.length) sections.push(`<section id="failures"><h2>Failures</h2><table><thead><tr><th>File</th><th>Code</th><th>Message</th></tr></thead><tbody>${failureRows}</tbody></table></section>`);

  yield `<!DOCTYPE html>
<html lang="en">
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
<header><h1>${esc(title)}</h1>
<p>${summary.files} files, ${summary.documents} analysed, ${summary.failures} failed; ${summary.total.words} words, ${summary.total.findings} findings; mean score ${summary.total.score.mean.toFixed(1)}.</p>
<nav aria-label="Sections"><ul><li><a href="#ranking">Ranking</a></li><li><a href="#categories">Categories</a></li><li><a href="#groups">By ${esc(groupName)}</a></li>${
    summary.years.some((year) => year.key !== null) ? '<li><a href="#years">By year</a></li>' : ''
  }${failures.length ? '<li><a href="#failures">Failures</a></li>' : ''}<li><a href="#documents">Documents</a></li></ul></nav>
<p class="muted">Hover over or tab to a highlighted passage to read why it is flagged. Solid underline: the author’s own voice; dashed: reported speech; dotted: held at a distance.</p>
</header>
<main>
${sections.join('\n')}
<section id="documents"><h2>Documents</h2>`;
  for (let index = 0; index < documents.length; index++) yield documentSection(documents[index]!, index, rankOf.get(documents[index]!.file));
  yield `</section>
</main>
</body>
</html>
`;
}
