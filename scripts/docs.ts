/**
 * Regenerates the documentation that comes from the code and the data, so that it is never
 * written twice:
 *
 *   README.md            the output of `npm start` and of `novlangue explain`, the example's source
 *                        and output, the lexicon summary (between `<!-- name:start/end -->` markers)
 *   docs/LEXICON.md      every entry of both lexicons (the whole file)
 *   docs/RULES.md        every pattern rule of both languages (the whole file)
 *   docs/PERFORMANCE.md  the latest bench run, from bench/results.json (between markers)
 *
 * `npm run docs` writes them; tests/docs.test.ts fails when one is stale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledLexicon, bundledRules, CATEGORIES, RULE_KINDS, rulesTable, type Lang } from 'novlangue';
import type { CliRow, FolderRun, StartUp } from '../bench/cli.js';
import type { HostileResult } from '../bench/hostile.js';
import type { Outcome } from '../bench/measure.js';
import { cliTable, hostileTable, mb, startUpTable, targetsTable, throughputTable } from '../bench/report.js';
import type { Target } from '../bench/targets.js';
import type { Throughput, ThroughputRow } from '../bench/throughput.js';
import categories from '../lexicons/categories.json' with { type: 'json' };
import rulesSchema from '../lexicons/rules.schema.json' with { type: 'json' };

const ROOT = new URL('../', import.meta.url);
const EXAMPLE = 'examples/analyze-press-release.ts';
/** The built CLI, run for the README's output blocks. */
const CLI = 'dist/cli/index.js';

const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

/** A Markdown table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\s*[\r\n]+\s*/gu, ' ').trim();
}

/** A fenced block of plain text. */
const textBlock = (text: string): string => `\`\`\`text\n${text.trimEnd()}\n\`\`\`\n`;

// README.md

/** Entries per category and language. */
export function lexiconSummary(): string {
  const langs: Lang[] = ['fr', 'en'];
  const lexicons = langs.map((lang) => bundledLexicon(lang));
  const lines = ['| category | what it names | fr | en |', '|---|---|---|---|'];
  for (const category of CATEGORIES) {
    const [fr, en] = lexicons.map((lexicon) => lexicon.entries.filter((entry) => entry.category === category).length);
    lines.push(`| \`${category}\` | ${cell(categories[category].description)} | ${fr} | ${en} |`);
  }
  const totals = lexicons.map((lexicon) => lexicon.entries.length);
  lines.push(`| **all** | | **${totals[0]}** | **${totals[1]}** |`);
  return `${lines.join('\n')}\n\nEvery entry, with its patterns, weight, gloss and section: [docs/LEXICON.md](docs/LEXICON.md); the rhetorical figures: [docs/RULES.md](docs/RULES.md). From the command line: \`novlangue explain <term>\`, \`novlangue rules\`.\n`;
}

/** What the built CLI prints on stdout for `args`, run from the repository's root. */
export function cliOutput(args: readonly string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], {
    cwd: fileURLToPath(ROOT),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/** `npm start`: the overview and the ranking, the first two blocks of the text report of corpus/. */
export function startSection(): string {
  const blocks = cliOutput(['corpus']).split(/\n\n/u);
  return textBlock(blocks.slice(0, 2).join('\n\n'));
}

/** `novlangue explain hyperviseur`. */
export function explainSection(): string {
  return textBlock(cliOutput(['explain', 'hyperviseur']));
}

/** The example's source and what it prints, run for real. */
export function exampleSection(): string {
  const source = read(EXAMPLE).trim();
  const output = execFileSync(process.execPath, ['--import', 'tsx', EXAMPLE], { cwd: fileURLToPath(ROOT), encoding: 'utf8' }).trim();
  return `\`${EXAMPLE}\`:\n\n\`\`\`ts\n${source}\n\`\`\`\n\nprints:\n\n${textBlock(output)}`;
}

export function readmeSections(): Record<string, string> {
  return { start: startSection(), explain: explainSection(), example: exampleSection(), lexicon: lexiconSummary() };
}

// docs/LEXICON.md and docs/RULES.md

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

/** docs/RULES.md: the pattern rules of both languages, with what each kind of rule matches. */
export function rulesDocument(): string {
  const kinds = RULE_KINDS.map((kind) => `- \`${kind}\`: ${(rulesSchema.definitions[kind] as { description: string }).description}`);
  const parts = [
    '# Pattern rules\n',
    'Generated from `lexicons/rules.fr.json` and `lexicons/rules.en.json` by `npm run docs`; do not edit by hand.\n',
    'A pattern rule finds a rhetorical figure that no single term makes: a pile-up of buzzwords, a',
    'decision without a decider, ecology as the alibi of sensors. Its finding has `kind: "pattern"`, adds',
    'its weight (0.5 to 2) to the terms it is made of, and gets a stance like any other finding',
    '([SCORE.md](SCORE.md)). Each rule is one of four kinds (`RULE_KINDS`):\n',
    ...kinds,
    '',
    'Patterns use the lexicon\'s token pattern language ([`lexicons/FORMAT.md`](../lexicons/FORMAT.md)), with',
    'the extra slots the schema lists; a file is checked against',
    '[`lexicons/rules.schema.json`](../lexicons/rules.schema.json), and every rule\'s example must fire it',
    '(`tests/patterns.test.ts`). Your own rules: `novlangue --rules FILE` or `extendRules()`',
    '([CLI.md](CLI.md#your-own-lexicon-rules-and-stance-markers), [API.md](API.md#pattern-rules)).\n',
  ];
  for (const lang of ['fr', 'en'] as const) {
    parts.push(`## ${lang === 'fr' ? 'Français' : 'English'} (\`lexicons/rules.${lang}.json\`, ${bundledRules(lang).rules.length} rules)\n`);
    parts.push(rulesTable(lang));
  }
  return parts.join('\n');
}

// docs/PERFORMANCE.md

/** bench/results.json as bench/index.ts writes it: outcomes as their value or `{ notAvailable }`. */
interface BenchResults {
  date: string;
  durationS: number;
  machine: { cpu: string; cores: number; memoryGB: number; platform: string };
  node: string;
  versions: Record<string, string | null>;
  settings: { runs: number; alexChars: number; cliTimeoutS: number; peakRss: string; winkPipe: string[] };
  corpus: {
    french: BenchTextRecord | { notAvailable: string };
    english: BenchTextRecord | { notAvailable: string };
    folder: { files: number; bytes: number; seed: number; from: string };
  };
  throughput: Array<Omit<ThroughputRow, 'result'> & { result: unknown }>;
  hostile: HostileResult[];
  startup: { version: unknown; smallFile: unknown };
  cli: Array<Omit<CliRow, 'result'> & { result: unknown }>;
  scaling: Array<Omit<CliRow, 'result'> & { result: unknown }>;
  targets: Target[];
}

interface BenchTextRecord {
  sources: string[];
  baseBytes: number;
  repetitions: number;
  bytes: number;
  notes: string[];
}

/** An outcome as results.json stores it, back to what the bench's tables take. */
function outcome<T>(stored: unknown): Outcome<T> {
  if (stored !== null && typeof stored === 'object' && 'notAvailable' in stored) return { ok: false, reason: String(stored.notAvailable) };
  return { ok: true, value: stored as T };
}

const throughputRows = (list: BenchResults['throughput']): ThroughputRow[] => list.map((row) => ({ ...row, result: outcome<Throughput>(row.result) }));
const cliRows = (list: BenchResults['cli']): CliRow[] => list.map((row) => ({ ...row, result: outcome<FolderRun>(row.result) }));

function benchText(label: string, text: BenchTextRecord | { notAvailable: string }): string {
  if ('notAvailable' in text) return `- **${label}**: not available: ${text.notAvailable}.`;
  const notes = text.notes.map((note) => ` Note: ${note}.`).join('');
  return `- **${label}**: ${(text.baseBytes / 1000).toFixed(1)} KB of distinct text from ${text.sources.length} sources, repeated ${text.repetitions} times to ${mb(text.bytes)} MB.${notes}`;
}

/** The machine, the versions and the verdicts of the run. */
export function benchRunSection(results: BenchResults): string {
  const { machine, versions, settings } = results;
  const counts = { met: 0, 'not met': 0, 'not measured': 0 };
  for (const target of results.targets) counts[target.verdict]++;
  const verdicts = [`${counts.met} targets met`, `${counts['not met']} not met`, ...(counts['not measured'] > 0 ? [`${counts['not measured']} not measured`] : [])];
  const peers = `wink-nlp ${versions['wink-nlp'] ?? 'not available'} with wink-eng-lite-web-model ${versions['wink-eng-lite-web-model'] ?? 'not available'}, alex ${versions['alex'] ?? 'not available'}`;
  return [
    `**Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC**, novlangue ${versions['novlangue'] ?? '?'}:`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.platform}, Node ${results.node};`,
    `${peers}. Best of ${settings.runs} runs; peak RSS by ${settings.peakRss}.`,
    `The bench took ${results.durationS.toFixed(0)} s: ${verdicts.join(', ')}.`,
  ].join('\n');
}

/** The texts and the folder the run measured. */
export function benchCorpusSection(results: BenchResults): string {
  const { folder } = results.corpus;
  return [
    benchText('French', results.corpus.french),
    benchText('English', results.corpus.english),
    `- **A folder of ${folder.files.toLocaleString('en')} files**, ${mb(folder.bytes)} MB in all, cut from ${folder.from} at offsets drawn with seed ${folder.seed}.`,
  ].join('\n');
}

/** Every table the bench prints, from the figures it saved. */
export function benchFiguresSection(results: BenchResults): string {
  const startup = [
    { label: (results.startup.version as Partial<StartUp> & { command?: string }).command ?? 'novlangue --version', result: outcome<StartUp>(results.startup.version) },
    { label: (results.startup.smallFile as Partial<StartUp> & { command?: string }).command ?? 'one small file', result: outcome<StartUp>(results.startup.smallFile) },
  ];
  return [
    '### Targets\n',
    textBlock(targetsTable(results.targets)),
    '### Single-thread throughput\n',
    textBlock(throughputTable(throughputRows(results.throughput))),
    `### CLI over a folder of ${results.corpus.folder.files.toLocaleString('en')} files\n`,
    textBlock(cliTable(cliRows(results.cli))),
    '### Scaling (jsonl, `--jobs 2`)\n',
    textBlock(cliTable(cliRows(results.scaling))),
    '### Start-up\n',
    textBlock(startUpTable(startup)),
    '### Hostile inputs (time over 1 MB of prose in the same run)\n',
    textBlock(hostileTable(results.hostile)),
  ].join('\n');
}

export function performanceSections(results: BenchResults = JSON.parse(read('bench/results.json')) as BenchResults): Record<string, string> {
  return { 'bench-run': benchRunSection(results), 'bench-corpus': benchCorpusSection(results), 'bench-figures': benchFiguresSection(results) };
}

// Filling the documents

/** Replace what stands between `<!-- name:start -->` and `<!-- name:end -->` in `file`'s text. */
export function fill(document: string, name: string, content: string, file = 'README.md'): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  return `${document.slice(0, from + start.length)}\n${content.trimEnd()}\n${document.slice(to)}`;
}

/** A document with every generated block filled. */
export function renderBlocks(document: string, sections: Record<string, string>, file = 'README.md'): string {
  return Object.entries(sections).reduce((text, [name, content]) => fill(text, name, content, file), document);
}

/** Every generated document: its path, and a function that makes its up-to-date text. */
export const GENERATED: Readonly<Record<string, () => string>> = {
  'README.md': () => renderBlocks(read('README.md'), readmeSections(), 'README.md'),
  'docs/LEXICON.md': lexiconDocument,
  'docs/RULES.md': rulesDocument,
  'docs/PERFORMANCE.md': () => renderBlocks(read('docs/PERFORMANCE.md'), performanceSections(), 'docs/PERFORMANCE.md'),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, render] of Object.entries(GENERATED)) writeFileSync(new URL(path, ROOT), render());
  console.log(`${Object.keys(GENERATED).join(', ')} regenerated`);
}
