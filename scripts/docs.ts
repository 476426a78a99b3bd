/**
 * Regenerates the parts of the documentation that come from data, so they are never written
 * twice: the README's example output, lexicon summary and rule tables, and docs/LEXICON.md.
 * `npm run docs` writes them; tests/docs.test.ts fails when they are stale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledLexicon, CATEGORIES, rulesTable, type Lang } from 'novlangue';
import categories from '../lexicons/categories.json' with { type: 'json' };

const ROOT = new URL('../', import.meta.url);
const README = new URL('README.md', ROOT);
const LEXICON_DOC = new URL('docs/LEXICON.md', ROOT);
const EXAMPLE = 'examples/analyze-press-release.ts';

/** A Markdown table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\s*[\r\n]+\s*/gu, ' ').trim();
}

/** Entries per category and language, with a few patterns of each category as examples. */
export function lexiconSummary(): string {
  const langs: Lang[] = ['fr', 'en'];
  const lexicons = langs.map((lang) => bundledLexicon(lang));
  const lines = ['| category | what it names | fr | en | examples (fr) |', '|---|---|---|---|---|'];
  for (const category of CATEGORIES) {
    const [fr, en] = lexicons.map((lexicon) => lexicon.entries.filter((entry) => entry.category === category));
    const examples = fr!.slice(0, 4).map((entry) => `\`${cell(entry.patterns[0]!)}\``).join(', ');
    lines.push(`| \`${category}\` | ${cell(categories[category].description)} | ${fr!.length} | ${en!.length} | ${examples} |`);
  }
  const totals = lexicons.map((lexicon) => lexicon.entries.length);
  lines.push(`| **all** | | **${totals[0]}** | **${totals[1]}** | |`);
  return `${lines.join('\n')}\n\nEvery entry, with its patterns, weight, gloss and section: [docs/LEXICON.md](docs/LEXICON.md). From the command line: \`novlangue explain <term>\`.\n`;
}

/** docs/LEXICON.md: every entry of both lexicons, by category. */
export function lexiconDocument(): string {
  const parts = [
    '# Lexicons\n',
    'Generated from `lexicons/fr.json` and `lexicons/en.json` by `npm run docs`; do not edit by hand.\n',
  ];
  for (const lang of ['fr', 'en'] as const) {
    const lexicon = bundledLexicon(lang);
    parts.push(`## ${lang === 'fr' ? 'Français' : 'English'} (\`lexicons/${lang}.json\`, ${lexicon.entries.length} entries)\n`);
    for (const category of CATEGORIES) {
      const entries = lexicon.entries.filter((entry) => entry.category === category);
      parts.push(`### \`${category}\` — ${categories[category][lang]}\n`);
      parts.push('| id | patterns | weight | role | gloss | section |\n|---|---|---|---|---|---|');
      for (const entry of entries) {
        const patterns = entry.patterns.map((pattern) => `\`${cell(pattern)}\``).join('<br>');
        const context = entry.context ? '<br>(with context)' : '';
        parts.push(`| \`${entry.ruleId}\` | ${patterns}${context} | ${entry.weight} | ${entry.role ?? 'rhetoric'} | ${cell(entry.note)} | ${cell(entry.section)} |`);
      }
      parts.push('');
    }
  }
  return `${parts.join('\n')}`;
}

/** The pattern rules of both languages. */
export function rulesSection(): string {
  return `### Français (\`lexicons/rules.fr.json\`)\n\n${rulesTable('fr')}\n### English (\`lexicons/rules.en.json\`)\n\n${rulesTable('en')}`;
}

/** The example's source and what it prints, run for real. */
export function exampleSection(): string {
  const source = readFileSync(new URL(EXAMPLE, ROOT), 'utf8').trim();
  const output = execFileSync(process.execPath, ['--import', 'tsx', EXAMPLE], { cwd: fileURLToPath(ROOT), encoding: 'utf8' }).trim();
  return `\`${EXAMPLE}\`:\n\n\`\`\`ts\n${source}\n\`\`\`\n\nprints:\n\n\`\`\`text\n${output}\n\`\`\`\n`;
}

/** Replace what stands between `<!-- name:start -->` and `<!-- name:end -->`. */
export function fill(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${document.slice(0, from + start.length)}\n${content.trimEnd()}\n${document.slice(to)}`;
}

/** The README with every generated block filled. */
export function renderReadme(readme: string, sections: Record<string, string>): string {
  return Object.entries(sections).reduce((document, [name, content]) => fill(document, name, content), readme);
}

export function generatedSections(): Record<string, string> {
  return { example: exampleSection(), lexicon: lexiconSummary(), rules: rulesSection() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README, renderReadme(readFileSync(README, 'utf8'), generatedSections()));
  writeFileSync(LEXICON_DOC, lexiconDocument());
  console.log('README.md and docs/LEXICON.md regenerated');
}
