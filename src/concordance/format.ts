/**
 * A concordance as text (aligned columns, the match centred), CSV, JSON, JSONL, Markdown or a
 * self-contained HTML page. Pure: hits in, a string out. Everything from the input is escaped
 * for its format (`report/escape.ts`).
 */
import { csvField, escapeHtml, markdownText, terminalText } from '../report/escape.js';
import type { KwicHit } from './kwic.js';

/** The formats of `formatConcordance()`. */
export const KWIC_FORMATS = ['text', 'csv', 'json', 'jsonl', 'md', 'html'] as const;
export type KwicFormat = (typeof KWIC_FORMATS)[number];

/** What the report says the hits are of: the query as given, and how it was read. */
export interface KwicHeading {
  query: string;
  /** `rule`, `category` or `phrase`. */
  kind: string;
  /** Documents searched. */
  documents: number;
}

/** Widest left and right context columns of the text format, in characters. */
const CONTEXT_COLUMN = 50;
/** Widest match column: a longer match (a pattern finding) is shown whole and pushes its line. */
const MATCH_COLUMN = 32;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function heading(hits: readonly KwicHit[], about: KwicHeading): string {
  const documents = new Set(hits.map((hit) => hit.file)).size;
  return `${plural(hits.length, 'hit')} of ${JSON.stringify(about.query)} (${about.kind}) in ${documents} of ${plural(about.documents, 'document')}`;
}

const keepEnd = (text: string, width: number): string => (text.length <= width ? text : `…${text.slice(text.length - width + 1)}`);
const keepStart = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

function formatText(hits: readonly KwicHit[], about: KwicHeading): string {
  const rows = hits.map((hit) => ({
    where: terminalText(`${hit.file}:${hit.line}:${hit.column}`),
    left: keepEnd(terminalText(hit.left), CONTEXT_COLUMN),
    match: terminalText(hit.match.replace(/\s+/gu, ' ')),
    right: keepStart(terminalText(hit.right), CONTEXT_COLUMN),
    finding: hit.ruleId === null ? '-' : `${hit.stance ?? '-'} ${terminalText(hit.ruleId)}`,
  }));
  const widest = (pick: (row: (typeof rows)[number]) => string, cap: number): number => Math.min(cap, Math.max(0, ...rows.map((row) => pick(row).length)));
  const where = widest((row) => row.where, Number.MAX_SAFE_INTEGER);
  const left = widest((row) => row.left, CONTEXT_COLUMN);
  const match = widest((row) => row.match, MATCH_COLUMN);
  const right = widest((row) => row.right, CONTEXT_COLUMN);
  const lines = rows.map((row) => `${row.where.padEnd(where)}  ${row.left.padStart(left)}  ${row.match.padEnd(match)}  ${row.right.padEnd(right)}  ${row.finding}`.trimEnd());
  return `${heading(hits, about)}\n${lines.length > 0 ? '\n' : ''}${lines.map((line) => `${line}\n`).join('')}`;
}

/** Metadata fields of the hits, in code unit order: one CSV column each. */
function metaFields(hits: readonly KwicHit[]): string[] {
  const fields = new Set<string>();
  for (const hit of hits) for (const key of Object.keys(hit.meta)) fields.add(key);
  return [...fields].sort();
}

const metaCell = (value: unknown): string | number | boolean | null => (value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean));

/** CSV columns before the metadata fields (`meta.<field>` each). */
export const KWIC_CSV_COLUMNS: readonly string[] = ['file', 'line', 'column', 'start', 'end', 'left', 'match', 'right', 'rule_id', 'category', 'stance', 'lang', 'format', 'folder', 'reading'];

function formatCsv(hits: readonly KwicHit[]): string {
  const fields = metaFields(hits);
  const line = (cells: ReadonlyArray<string | number | boolean | null>): string => `${cells.map(csvField).join(',')}\r\n`;
  return [
    line([...KWIC_CSV_COLUMNS, ...fields.map((field) => `meta.${field}`)]),
    ...hits.map((hit) =>
      line([hit.file, hit.line, hit.column, hit.range[0], hit.range[1], hit.left, hit.match, hit.right, hit.ruleId, hit.category, hit.stance, hit.lang, hit.format, hit.folder, hit.reading, ...fields.map((field) => metaCell(hit.meta[field]))]),
    ),
  ].join('');
}

function formatMarkdown(hits: readonly KwicHit[], about: KwicHeading): string {
  const cell = (text: string): string => markdownText(text).trim() || ' ';
  const rows = hits.map((hit) => `| ${cell(hit.file)} | ${hit.line}:${hit.column} | ${cell(hit.left)} | **${cell(hit.match.replace(/\s+/gu, ' '))}** | ${cell(hit.right)} | ${hit.ruleId === null ? '-' : `${hit.stance ?? '-'} \`${hit.ruleId}\``} |`);
  return `# Concordance\n\n${heading(hits, about)}.\n\n| file | line:column | left | match | right | finding |\n|---|---|---:|:---:|:---|---|\n${rows.map((row) => `${row}\n`).join('')}`;
}

function formatHtml(hits: readonly KwicHit[], about: KwicHeading): string {
  const rows = hits
    .map(
      (hit) =>
        `<tr><td class="where">${escapeHtml(hit.file)}:${hit.line}:${hit.column}</td><td class="left">${escapeHtml(hit.left)}</td><td class="match"><mark>${escapeHtml(hit.match)}</mark></td><td class="right">${escapeHtml(hit.right)}</td><td class="finding">${hit.ruleId === null ? '-' : `${escapeHtml(hit.stance ?? '-')} <code>${escapeHtml(hit.ruleId)}</code>`}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="und">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concordance: ${escapeHtml(about.query)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
td { padding: 0.15rem 0.5rem; vertical-align: top; }
tr:nth-child(even) { background: #f5f5f5; }
.left { text-align: right; }
.match { text-align: center; }
mark { background: #ffe08a; padding: 0 0.1rem; }
.where, .finding { color: #666; font-size: 12px; }
</style>
</head>
<body>
<h1>Concordance</h1>
<p>${escapeHtml(heading(hits, about))}.</p>
<table>
<thead><tr><th>file</th><th>left</th><th>match</th><th>right</th><th>finding</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** A concordance in `format`. */
export function formatConcordance(hits: readonly KwicHit[], format: KwicFormat, about: KwicHeading): string {
  switch (format) {
    case 'text':
      return formatText(hits, about);
    case 'csv':
      return formatCsv(hits);
    case 'json':
      return `${JSON.stringify(hits, null, 2)}\n`;
    case 'jsonl':
      return hits.map((hit) => `${JSON.stringify(hit)}\n`).join('');
    case 'md':
      return formatMarkdown(hits, about);
    case 'html':
      return formatHtml(hits, about);
  }
}
