/**
 * The Markdown report: ranking table, failures, warnings, categories, groups with their top
 * terms, the top findings per document (each linking to its rule in the glossary), the
 * questions to ask, and a glossary that gives each rule's gloss once. Readable rendered (a
 * GitHub issue) or not (a newsroom chat).
 */
import { isCorpusFailure, type CorpusDocumentLean, type GroupSummary } from '../records.js';
import categories from '../../lexicons/categories.json' with { type: 'json' };
import { categoriesFound, questionsFor, questionsTitle } from '../questions/index.js';
import { CATEGORIES } from '../types.js';
import { markdownText as md } from './escape.js';
import { isSmallGroup, rankedGroups, SMALL_GROUP, termsByGroup, warningsOf } from './facts.js';
import { glossaryOf, type GlossaryEntry } from './html-parts.js';
import { categoryLabel } from './labels.js';
import { resolveLocale, wording, type Wording } from './locale.js';
import { excerpt, topRules, type TermCount } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

/** Rows of a group table; with `terms`, groups are ranked (small ones last) and get their top terms. */
function groupRows(source: readonly GroupSummary[], none: string, w: Wording, terms?: ReadonlyMap<string | null, TermCount[]>): string[] {
  const groups = terms === undefined ? source : rankedGroups(source);
  return groups.map((group) => {
    const top = CATEGORIES.filter((category) => group.categories[category].count > 0)
      .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
      .slice(0, 3)
      .map((category) => `${category} ${w.decimal(group.categories[category].rate, 2)}`)
      .join(', ');
    const name = (group.key === null ? md(none) : md(group.key)) + (isSmallGroup(group) ? ` *(${w.m.smallGroup})*` : '');
    const cells: Array<string | number> = [name, group.documents, group.words, group.findings, w.decimal(group.score.mean, 1), w.decimal(group.score.max, 1), top || '–'];
    if (terms !== undefined) cells.push((terms.get(group.key) ?? []).map((term) => `« ${md(term.form)} » ×${term.count}`).join(', ') || '–');
    return row(cells);
  });
}

/** The note under a group table that has small groups. */
const smallNote = (groups: readonly GroupSummary[], w: Wording): string[] =>
  groups.some(isSmallGroup) ? [`*(${w.m.smallGroup})* ${w.fill(w.m.smallGroupNote, { documents: SMALL_GROUP.documents, words: w.integer(SMALL_GROUP.words) })}`, ''] : [];

/** The glossary: each rule shown in the top findings, once, with its gloss and essay section; `<a id>` anchors, as the HTML report's. */
function glossaryLines(entries: readonly GlossaryEntry[], w: Wording): string[] {
  if (entries.length === 0) return [];
  const out = [`## ${w.m.nav.glossary}`, '', w.m.glossaryIntro, ''];
  for (const entry of entries) {
    const gloss = w.fill(w.m.markdownGloss, { rule: md(entry.ruleId), category: entry.category, weight: w.m.weight, value: w.number(entry.weight), note: md(entry.note), section: md(entry.section) });
    out.push(`- <a id="${entry.anchor}"></a>${gloss}`);
  }
  return [...out, ''];
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
        shown.add(rule.ruleId);
        const anchor = glossary.get(rule.ruleId)?.anchor ?? '';
        out.push(w.fill(w.m.markdownRule, { category: rule.category, forms, count: rule.count, line: w.fill(w.m.lineAt, { line: rule.first.line }), voice, rule: md(rule.ruleId), anchor }));
      }
      out.push('');
    }
  }
  out.push(...questionLines(input));
  out.push(...glossaryLines([...glossary.values()].filter((entry) => shown.has(entry.ruleId)), w));
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
