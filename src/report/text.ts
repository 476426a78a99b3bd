/**
 * The terminal report. Of a corpus: a ranked table, the failures, categories, groups and years,
 * then the top findings of each document. Of one document: every finding, linter style, one
 * line each (`file:line:col  rule  stance  « actual »  message`). Colours (ANSI) only when
 * asked; every string from input is made terminal-safe first.
 */
import type { CorpusDocumentLean, GroupSummary } from '../records.js';
import { isCorpusFailure } from '../records.js';
import { CATEGORIES, type Category } from '../types.js';
import { terminalText } from './escape.js';
import { isSmallGroup, rankedGroups, SMALL_GROUP, termsByGroup, warningsOf } from './facts.js';
import { CATEGORY_ANSI, categoryIndex, categoryLabel } from './labels.js';
import { resolveLocale, wording, type Wording } from './locale.js';
import { excerpt, topRules } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

type Paint = (text: string, code: number) => string;

interface Column {
  title: string;
  align: 'left' | 'right';
}

const width = (text: string): number => [...text].length;

/** A table with aligned columns; `paint` colours cells after padding, so alignment holds. */
function table(columns: Column[], rows: string[][], colours: Array<Array<number | undefined>>, paint: Paint, indent = '  '): string[] {
  const widths = columns.map((column, i) => Math.max(width(column.title), ...rows.map((row) => width(row[i] ?? ''))));
  const pad = (text: string, i: number): string => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? fill + text : text + fill;
  };
  const last = columns.length - 1;
  const render = (cells: string[], codes: Array<number | undefined>): string =>
    indent +
    cells
      .map((cell, i) => {
        // The last column is not padded: no trailing spaces.
        const padded = i === last && columns[i]!.align === 'left' ? cell : pad(cell, i);
        const code = codes[i];
        return code === undefined ? padded : paint(padded, code);
      })
      .join('  ');
  return [render(columns.map((c) => c.title), columns.map(() => 1)), ...rows.map((row, r) => render(row, colours[r] ?? []))];
}

const scoreColour = (score: number): number => (score >= 50 ? 31 : score >= 20 ? 33 : 32);
const keyText = (key: string | null, none: string): string => (key === null ? none : terminalText(key));

/**
 * A table of groups, or of years (`ranked` false: in their order). Groups are ranked as in the
 * HTML report, comparable ones by mean score, then the small ones, flagged and explained below.
 */
function groupTable(title: string, source: readonly GroupSummary[], none: string, paint: Paint, w: Wording, ranked: boolean): string[] {
  if (source.length === 0) return [];
  const groups = ranked ? rankedGroups(source) : source;
  const t = w.m.terminal;
  const fixed = w.decimal;
  const columns: Column[] = [
    { title, align: 'left' },
    { title: t.docs, align: 'right' },
    { title: t.words, align: 'right' },
    { title: t.findings, align: 'right' },
    { title: t.mean, align: 'right' },
    { title: t.median, align: 'right' },
    { title: t.max, align: 'right' },
    { title: t.topCategoriesRate, align: 'left' },
  ];
  const rows = groups.map((group) => [
    isSmallGroup(group) ? `${keyText(group.key, none)} (${w.m.smallGroup})` : keyText(group.key, none),
    String(group.documents),
    String(group.words),
    String(group.findings),
    fixed(group.score.mean, 1),
    fixed(group.score.median, 1),
    fixed(group.score.max, 1),
    CATEGORIES.filter((category) => group.categories[category].count > 0)
      .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
      .slice(0, 3)
      .map((category) => `${category} ${fixed(group.categories[category].rate, 2)}`)
      .join(', ') || '-',
  ]);
  const lines = table(columns, rows, groups.map((group) => [isSmallGroup(group) ? 90 : undefined, undefined, undefined, undefined, scoreColour(group.score.mean)]), paint);
  if (groups.some(isSmallGroup)) lines.push(`  (${w.m.smallGroup}) ${w.fill(w.m.smallGroupNote, { documents: SMALL_GROUP.documents, words: w.integer(SMALL_GROUP.words) })}`);
  return lines;
}

/** The top terms in the author's own voice of each group, one line a group, in the groups' order. */
function termLines(input: ReportInput, none: string, w: Wording): string[] {
  const terms = termsByGroup(input);
  return rankedGroups(input.summary.groups).map((group) => {
    const list = (terms.get(group.key) ?? []).map((term) => `« ${terminalText(term.form)} » ×${term.count}`).join(', ');
    return `  ${keyText(group.key, none)}: ${list || w.m.noTopTerms}`;
  });
}

/** One line a warning: its code, then its message, which names the file and says what to do. */
const warningLines = (results: ReportInput['results']): string[] => warningsOf(results).map((warning) => `  ${warning.code}  ${terminalText(warning.message)}`);

/**
 * One document, linter style: a line of figures, then every finding in text order as
 * `file:line:col  rule  stance  « actual »  message`, the columns aligned.
 */
function documentReport(document: CorpusDocumentLean, w: Wording, paint: Paint): string {
  const file = terminalText(document.file);
  const count = (stance: 'use' | 'reported' | 'distanced'): number => document.findings.filter((finding) => finding.stance === stance).length;
  const out = [
    w.fill(w.m.oneDocument, {
      file: paint(file, 1),
      score: paint(w.decimal(document.score, 1), scoreColour(document.score)),
      reading: w.m.reading[document.stance.reading],
      words: w.count('words', document.words),
      findings: w.count('findings', document.findings.length),
      lang: document.lang,
    }),
  ];
  out.push(...warningLines([document]).map((line) => line.trimStart()));
  if (document.findings.length > 0) {
    out.push(w.fill(w.m.oneDocumentVoices, { use: count('use'), reported: count('reported'), distanced: count('distanced') }), '');
    const rows = document.findings.map((finding) => [
      `${file}:${finding.place.start.line}:${finding.place.start.column}`,
      terminalText(finding.ruleId),
      finding.stance,
      `« ${terminalText(excerpt(finding.actual))} »`,
      terminalText(finding.message),
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => width(row[i]!))));
    for (const [r, row] of rows.entries()) {
      const colour = CATEGORY_ANSI[categoryIndex(document.findings[r]!.category)] ?? 39;
      const cells = row.map((cell, i) => (i < 4 ? cell + ' '.repeat(widths[i]! - width(cell)) : cell));
      out.push([cells[0], paint(cells[1]!, colour), ...cells.slice(2)].join('  ').trimEnd());
    }
    out.push('', w.m.explainHint);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The text report: the report of one document when the run is one document, else the
 * ranked summary of the corpus.
 */
export function formatText(input: ReportInput, options: ReportOptions = {}): string {
  const paint: Paint = options.color ? (text, code) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
  const w = wording(resolveLocale(input.results, options.locale ?? 'en'));
  const only = input.results.length === 1 ? input.results[0] : undefined;
  if (only !== undefined && !isCorpusFailure(only)) return documentReport(only, w, paint);
  const t = w.m.terminal;
  const fixed = w.decimal;
  const heading = (text: string): string => paint(text, 1);
  const category = (name: Category): string => paint(name, CATEGORY_ANSI[categoryIndex(name)] ?? 39);
  const { summary } = input;
  const out: string[] = [];

  const counts = w.fill(w.m.summaryLine, {
    files: w.count('files', summary.files),
    analysed: w.count('analysed', summary.documents),
    failed: w.count('failed', summary.failures),
    words: w.count('words', summary.total.words),
    findings: w.count('findings', summary.total.findings),
  });
  out.push(`${heading('novlangue')}: ${counts}`, '');

  if (summary.ranking.length > 0) {
    out.push(heading(t.ranking));
    const columns: Column[] = [
      { title: t.rank, align: 'right' },
      { title: t.score, align: 'right' },
      { title: t.reading, align: 'left' },
      { title: t.words, align: 'right' },
      { title: t.findings, align: 'right' },
      { title: t.topCategories, align: 'left' },
      { title: t.file, align: 'left' },
    ];
    const rows = summary.ranking.map((entry) => [
      String(entry.rank),
      fixed(entry.score, 1),
      entry.short ? `${w.m.reading[entry.reading]} (${w.m.short})` : w.m.reading[entry.reading],
      String(entry.words),
      String(entry.findings),
      entry.top.join(', ') || '-',
      terminalText(entry.file),
    ]);
    out.push(...table(columns, rows, summary.ranking.map((entry) => [undefined, scoreColour(entry.score)]), paint), '');
  }

  const failures = input.results.filter(isCorpusFailure);
  if (failures.length > 0) {
    out.push(heading(t.failures));
    const rows = failures.map((failure) => [failure.error.code, terminalText(failure.error.message)]);
    out.push(...table([{ title: t.code, align: 'left' }, { title: t.message, align: 'left' }], rows, failures.map(() => [31]), paint), '');
  }

  const warnings = warningLines(input.results);
  if (warnings.length > 0) out.push(heading(t.warnings), ...warnings, '');

  if (summary.documents > 0) {
    out.push(heading(t.categories));
    // The nine, then the categories custom lexicons declared: the summary's totals list them all.
    const names = Object.keys(summary.total.categories) as Category[];
    const rows = names.map((name) => {
      const total = summary.total.categories[name];
      return [name, categoryLabel(name, w.locale), String(total.count), String(total.documents), fixed(total.rate, 2)];
    });
    const columns: Column[] = [
      { title: t.category, align: 'left' },
      { title: t.label, align: 'left' },
      { title: t.findings, align: 'right' },
      { title: t.docs, align: 'right' },
      { title: t.perThousand, align: 'right' },
    ];
    out.push(...table(columns, rows, names.map((name) => [CATEGORY_ANSI[categoryIndex(name)] ?? 39]), paint), '');

    const field = summary.groupBy === 'folder' ? w.m.folder : terminalText(summary.groupBy);
    out.push(heading(w.fill(w.m.groupsHeading, { field })));
    out.push(...groupTable(field, summary.groups, w.m.none, paint, w, true), '');
    if (summary.groups.length > 0) out.push(heading(w.fill(w.m.topTermsHeading, { field })), ...termLines(input, w.m.none, w), '');
    if (summary.years.some((year) => year.key !== null)) {
      out.push(heading(t.byYear));
      out.push(...groupTable(w.m.year, summary.years, w.m.noDate, paint, w, false), '');
    }
  }

  const top = options.top ?? 5;
  if (top > 0 && summary.ranking.length > 0) {
    out.push(heading(t.topFindings));
    const byFile = new Map(input.results.filter((result) => !isCorpusFailure(result)).map((result) => [result.file, result]));
    for (const entry of summary.ranking) {
      const document = byFile.get(entry.file);
      if (!document || isCorpusFailure(document)) continue;
      out.push(`  ${entry.rank}. ${terminalText(entry.file)}  ${paint(fixed(entry.score, 1), scoreColour(entry.score))}  ${w.m.reading[entry.reading]}`);
      const rules = topRules(document, top);
      if (rules.length === 0) out.push(`     ${t.noFindings}`);
      for (const rule of rules) {
        const forms = rule.forms.map((form) => `« ${terminalText(excerpt(form))} »`).join(' ');
        const voice = rule.use === rule.count ? '' : ` (${w.fill(w.m.inOwnVoice, { n: rule.use })})`;
        out.push(`     ${`×${rule.count}`.padStart(4)}  ${category(rule.category)}  ${forms}  ${rule.first.line}:${rule.first.column}  ${terminalText(rule.ruleId)} w${rule.weight}${voice}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
