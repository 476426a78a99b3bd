/**
 * The Markdown report: ranking table, categories, groups, failures and the top findings per
 * document, readable rendered (a GitHub issue) or not (a newsroom chat).
 */
import { isCorpusFailure, type GroupSummary } from '../records.js';
import { CATEGORIES } from '../types.js';
import { markdownText as md } from './escape.js';
import { categoryLabel } from './labels.js';
import { excerpt, topRules } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

function groupRows(groups: readonly GroupSummary[], none: string): string[] {
  return groups.map((group) => {
    const top = CATEGORIES.filter((category) => group.categories[category].count > 0)
      .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
      .slice(0, 3)
      .map((category) => `${category} ${group.categories[category].rate.toFixed(2)}`)
      .join(', ');
    return row([group.key === null ? none : md(group.key), group.documents, group.words, group.findings, group.score.mean.toFixed(1), group.score.max.toFixed(1), top || '–']);
  });
}

/** The Markdown report. */
export function formatMarkdown(input: ReportInput, options: ReportOptions = {}): string {
  const { summary } = input;
  const out: string[] = [
    `# ${md(options.title ?? 'novlangue report')}`,
    '',
    `${summary.files} files, ${summary.documents} analysed, ${summary.failures} failed; ${summary.total.words} words, ${summary.total.findings} findings.`,
    '',
  ];

  if (summary.ranking.length > 0) {
    out.push('## Ranking', '', row(['#', 'Score', 'Reading', 'Words', 'Findings', 'Top categories', 'File']), '|--:|--:|---|--:|--:|---|---|');
    for (const entry of summary.ranking) {
      out.push(row([entry.rank, entry.score.toFixed(1), entry.short ? `${entry.reading} (short)` : entry.reading, entry.words, entry.findings, entry.top.join(', ') || '–', md(entry.file)]));
    }
    out.push('');
  }

  const failures = input.results.filter(isCorpusFailure);
  if (failures.length > 0) {
    out.push('## Failures', '', row(['File', 'Code', 'Message']), '|---|---|---|');
    for (const failure of failures) out.push(row([md(failure.file), failure.error.code, md(failure.error.message)]));
    out.push('');
  }

  if (summary.documents > 0) {
    out.push('## Categories', '', row(['Category', 'Label', 'Findings', 'Documents', 'Per 1,000 words']), '|---|---|--:|--:|--:|');
    for (const category of CATEGORIES) {
      const total = summary.total.categories[category];
      out.push(row([category, md(categoryLabel(category)), total.count, total.documents, total.rate.toFixed(2)]));
    }
    const groupHeader = (first: string): string[] => [row([first, 'Documents', 'Words', 'Findings', 'Mean score', 'Max', 'Top categories (per 1,000 words)']), '|---|--:|--:|--:|--:|--:|---|'];
    const groupName = summary.groupBy === 'folder' ? 'folder' : md(summary.groupBy);
    out.push('', `## By ${groupName}`, '', ...groupHeader(groupName), ...groupRows(summary.groups, '(none)'), '');
    if (summary.years.some((year) => year.key !== null)) {
      out.push('## By year', '', ...groupHeader('year'), ...groupRows(summary.years, '(no date)'), '');
    }
  }

  const top = options.top ?? 5;
  if (top > 0 && summary.ranking.length > 0) {
    out.push('## Top findings', '');
    const byFile = new Map(input.results.filter((result) => !isCorpusFailure(result)).map((result) => [result.file, result]));
    for (const entry of summary.ranking) {
      const document = byFile.get(entry.file);
      if (!document || isCorpusFailure(document)) continue;
      out.push(`### ${entry.rank}. ${md(entry.file)} (score ${entry.score.toFixed(1)}, ${entry.reading})`, '');
      const rules = topRules(document, top);
      if (rules.length === 0) out.push('No findings.');
      for (const rule of rules) {
        const forms = rule.forms.map((form) => `« ${md(excerpt(form))} »`).join(', ');
        const voice = rule.use === rule.count ? '' : `, ${rule.use} in the author’s voice`;
        out.push(`- **${rule.category}** ${forms} ×${rule.count} (line ${rule.first.line}${voice}): ${md(rule.note)}`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
