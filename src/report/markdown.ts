/**
 * The Markdown report: ranking table, categories, groups, failures and the top findings per
 * document, readable rendered (a GitHub issue) or not (a newsroom chat).
 */
import { isCorpusFailure, type GroupSummary } from '../records.js';
import categories from '../../lexicons/categories.json' with { type: 'json' };
import { categoriesFound, questionsFor, questionsTitle } from '../questions/index.js';
import { CATEGORIES } from '../types.js';
import { markdownText as md } from './escape.js';
import { categoryLabel } from './labels.js';
import { resolveLocale, wording, type Wording } from './locale.js';
import { excerpt, topRules } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

function groupRows(groups: readonly GroupSummary[], none: string, w: Wording): string[] {
  return groups.map((group) => {
    const top = CATEGORIES.filter((category) => group.categories[category].count > 0)
      .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
      .slice(0, 3)
      .map((category) => `${category} ${w.decimal(group.categories[category].rate, 2)}`)
      .join(', ');
    return row([group.key === null ? md(none) : md(group.key), group.documents, group.words, group.findings, w.decimal(group.score.mean, 1), w.decimal(group.score.max, 1), top || '–']);
  });
}

/** The Markdown report. */
export function formatMarkdown(input: ReportInput, options: ReportOptions = {}): string {
  const { summary } = input;
  const w = wording(resolveLocale(input.results, options.locale ?? 'en'));
  const c = w.m.column;
  const out: string[] = [
    `# ${md(options.title ?? w.m.defaultTitle)}`,
    '',
    w.fill(w.m.markdownLine, {
      files: w.count('files', summary.files),
      analysed: w.count('analysed', summary.documents),
      failed: w.count('failed', summary.failures),
      words: w.count('words', summary.total.words),
      findings: w.count('findings', summary.total.findings),
    }),
    '',
  ];

  if (summary.ranking.length > 0) {
    out.push(`## ${w.m.nav.ranking}`, '', row([c.rank, c.score, c.reading, c.words, c.findings, c.topCategories, c.file]), '|--:|--:|---|--:|--:|---|---|');
    for (const entry of summary.ranking) {
      const reading = w.m.reading[entry.reading];
      out.push(row([entry.rank, w.decimal(entry.score, 1), entry.short ? `${reading} (${w.m.short})` : reading, entry.words, entry.findings, entry.top.join(', ') || '–', md(entry.file)]));
    }
    out.push('');
  }

  const failures = input.results.filter(isCorpusFailure);
  if (failures.length > 0) {
    out.push(`## ${w.m.nav.failures}`, '', row([c.file, c.code, c.message]), '|---|---|---|');
    for (const failure of failures) out.push(row([md(failure.file), failure.error.code, md(failure.error.message)]));
    out.push('');
  }

  const warnings = warningsOf(input.results);
  if (warnings.length > 0) {
    out.push(`## ${w.m.nav.warnings}`, '', w.m.warningsIntro, '');
    for (const warning of warnings) out.push(`- \`${warning.code}\` ${md(warning.message)}`);
    out.push('');
  }

  if (summary.documents > 0) {
    out.push(`## ${w.m.nav.categories}`, '', row([c.category, c.label, c.findings, c.documents, c.perThousand]), '|---|---|--:|--:|--:|');
    // The nine, then the categories custom lexicons declared: the summary's totals list them all.
    for (const category of Object.keys(summary.total.categories) as Array<keyof typeof summary.total.categories>) {
      const total = summary.total.categories[category];
      out.push(row([category, md(categoryLabel(category, w.locale)), total.count, total.documents, w.decimal(total.rate, 2)]));
    }
    const groupHeader = (first: string, more: string[] = []): string[] => [row([first, c.documents, c.words, c.findings, c.meanScore, c.max, c.topCategoriesRate, ...more]), `|---|--:|--:|--:|--:|--:|---|${more.map(() => '---|').join('')}`];
    const groupName = summary.groupBy === 'folder' ? w.m.folder : md(summary.groupBy);
    out.push('', `## ${w.fill(w.m.groupsHeading, { field: groupName })}`, '', ...groupHeader(groupName, [w.m.topTerms]), ...groupRows(summary.groups, w.m.none, w, termsByGroup(input)), '', ...smallNote(summary.groups, w));
    if (summary.years.some((year) => year.key !== null)) {
      out.push(`## ${w.m.terminal.byYear}`, '', ...groupHeader(w.m.year), ...groupRows(summary.years, w.m.noDate, w), '', ...smallNote(summary.years, w));
    }
  }

  const top = options.top ?? 5;
  const glossary = glossaryOf(input.results.filter((result): result is CorpusDocumentLean => !isCorpusFailure(result)));
  const shown = new Set<string>();
  if (top > 0 && summary.ranking.length > 0) {
    out.push(`## ${w.m.terminal.topFindings}`, '');
    const byFile = new Map(input.results.filter((result) => !isCorpusFailure(result)).map((result) => [result.file, result]));
    for (const entry of summary.ranking) {
      const document = byFile.get(entry.file);
      if (!document || isCorpusFailure(document)) continue;
      out.push(w.fill(w.m.markdownHeading, { rank: entry.rank, file: md(entry.file), score: w.decimal(entry.score, 1), reading: w.m.reading[entry.reading] }), '');
      const rules = topRules(document, top);
      if (rules.length === 0) out.push(w.m.noFindings);
      for (const rule of rules) {
        const forms = rule.forms.map((form) => `« ${md(excerpt(form))} »`).join(', ');
        const voice = rule.use === rule.count ? '' : `, ${w.fill(w.m.inOwnVoice, { n: rule.use })}`;
        out.push(w.fill(w.m.markdownRule, { category: rule.category, forms, count: rule.count, line: w.fill(w.m.lineAt, { line: rule.first.line }), voice, note: md(rule.note) }));
      }
      out.push('');
    }
  }
  out.push(...questionLines(input));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The questions to ask for every category the corpus found, in the language of most of its documents. */
function questionLines(input: ReportInput): string[] {
  if (input.summary.documents === 0) return [];
  const found = categoriesFound(input.summary.total.categories);
  if (found.length === 0) return [];
  const english = input.results.filter((result) => !isCorpusFailure(result) && result.lang === 'en').length;
  const lang = english * 2 > input.summary.documents ? 'en' : 'fr';
  const out = [`## ${questionsTitle(lang)}`, ''];
  for (const category of found) {
    out.push(`### ${md(categories[category][lang])}`, '', ...questionsFor(category, lang).map((question) => `- ${md(question.text)} (${md(question.section)})`), '');
  }
  return out;
}
