/** The command line: options, subcommands, help. Parsing only; the work is in run, explain, rules, validate, calibrate. */
import { LANGS } from '../languages/index.js';
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { DEFAULT_MIN_POOL_BYTES, MAX_JOBS } from '../corpus/limits.js';
import { DEFAULT_MAX_BYTES } from '../documents/bytes.js';
import { MIN_WORDS } from '../score/score.js';
import type { Lexicon } from '../lexicon/compile.js';
import { REPORT_FORMATS } from '../report/types.js';
import type { Lang } from '../types.js';
import { EXIT } from './errors.js';
import type { LexiconExportFlags, LexiconFlags, LexiconImportFlags } from './lexicon.js';
import { DICTIONARY_FORMATS } from '../dictionaries/types.js';
import type { CalibrateFlags } from './calibrate.js';
import { collect, typedOptions, parseCount, parseCountUpTo, parseJobs, parseNonNegative, parseScore, parseSize } from './options.js';
import type { RunFlags } from './run.js';
import type { ValidateFlags } from './validate.js';

const EXIT_HELP = `
Exit status:
  0    done (files that could not be read are records in the report, not failures of the run)
  1    --fail-above: a document scored above the threshold; explain: no entry matches the term
  2    usage error: bad option or argument, a path that does not exist or a glob that matches
       nothing, unreadable or invalid --lexicon, --weights or novlangue.config.json,
       unwritable --output; validate, calibrate: missing or bad labels
  3    internal error (a bug: please report it)
  130  interrupted (SIGINT); 143: terminated (SIGTERM). jsonl and csv outputs hold complete
       records: run the same command with --resume to analyse the other files

Examples:
  novlangue corpus/                          ranked table of every document under corpus/
  novlangue 'corpus/**/*.html' --format csv --per finding --excel -o findings.csv
  novlangue corpus/ --format html -o report.html --group-by city
  curl -s https://example.org/actu | novlangue -   a page read from standard input
  novlangue communique.pdf --fail-above 40   exit 1 when the press release scores above 40
  novlangue explain "ville intelligente"
  novlangue rules --format md
  novlangue validate corpus/ --labels labels.csv   how well the score tells the labels apart
  novlangue calibrate corpus/ -o weights.json       fit category multipliers (see --weights)
  novlangue kwic surveillance corpus/ --sort left   concordance: every hit with its context
  novlangue terms corpus/ --by reading              frequencies per rule, surface form and category
  novlangue compare corpus/ --by reading --groups promotional,critical --candidates
                                             keyness (G², log ratio) and candidate lexicon entries`;

/** `--min-pool-bytes SIZE`: a size, or 0 for a pool whenever --jobs allows. */
const parsePoolBytes = (value: string): number => (value.trim() === '0' ? 0 : parseSize(value));
const langOption = (description: string): Option => new Option('--lang <lang>', description).choices([...LANGS, 'auto']).default('auto');
const lexiconOptions = (command: Command): Command =>
  command
    .addOption(new Option('--lexicon <file>', 'lexicon extending the bundled one of its language: JSON (lexicons/FORMAT.md), or a dictionary .dic, .dicx, .yml, .yaml (with --lang); repeatable, later files override same ids').argParser((file: string, previous?: string[]) => [...(previous ?? []), file]))
    .option('--lexicon-only', 'use the --lexicon file instead of the bundled lexicon');
/** Every kind of data an analysis reads: lexicon, pattern rules, stance markers. */
const dataOptions = (command: Command): Command =>
  lexiconOptions(command)
    .option('--rules <file>', 'JSON pattern rules extending the bundled ones of their language (a rule with an existing id replaces it; see lexicons/rules.schema.json)')
    .option('--stance <file>', 'JSON stance marker classes extending the bundled ones of their language (a class with an existing id replaces it; see lexicons/FORMAT.md)');

/** What `validate` and `calibrate` share: where the labels are, and how the labelled corpus is analysed. */
const labelledRunOptions = (command: Command): Command =>
  dataOptions(
    command
      .option('--labels <file>', 'labels file: a JSON array of objects, or a CSV, with "file" and "label" (default: each document\'s "label" metadata field)')
      .option('--positive <label>', 'the label of the documents that should score high', 'promotional')
      .addOption(new Option('--exclude-label <label>', 'leave the documents of this label out (repeatable)').argParser(collect).default([], 'none'))
      .addOption(langOption('language of the documents; "auto" detects French or English per document')),
  )
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(parseJobs(MAX_JOBS)).default(availableParallelism(), 'the number of cores'))
    .option('--min-pool-bytes <size>', `below this much text in all, run in one thread whatever --jobs says (default ${DEFAULT_MIN_POOL_BYTES / 1024 / 1024}M)`, parsePoolBytes)
    .option('--max-bytes <size>', `skip larger files (default ${DEFAULT_MAX_BYTES / 1024 / 1024}M)`, parseSize)
    .option('-q, --quiet', 'no notes on stderr');

const LABELS_HELP = `
Labels: a document's "label" metadata field (sidecar name.meta.json, or Markdown front
matter), or --labels FILE, whose "file" names are matched against the paths the reports show
and resolved from the labels file's folder. Documents without a label, of an --exclude-label
label, or that cannot be read are left out, and the report says how many and which.

Exit status:
  0    done
  2    usage error: bad option; no labels, a labels file that cannot be read or parsed or that
       names files not in the corpus, no document of the positive label, a single label;
       an unreadable or invalid --lexicon or --weights
  3    internal error (a bug: please report it)

The method, the JSON shape and the caveats: docs/VALIDATION.md.`;

/** The lexicons a subcommand looks in: the custom one, or the bundled ones (both with --lang auto). */
async function lexiconsFor(flags: LexiconFlags): Promise<Lexicon[]> {
  const [{ lexiconsFromFlags }, { bundledLexicon }] = await Promise.all([import('./lexicon.js'), import('../lexicon/bundled.js')]);
  const custom = await lexiconsFromFlags(flags);
  if (custom.length > 0) return custom;
  const langs: Lang[] = flags.lang === 'auto' ? [...LANGS] : [flags.lang];
  return langs.map((lang) => bundledLexicon(lang));
}

/**
 * The program. `setExit` receives the exit status of the command that ran (commander's own
 * errors are turned into status 2 by the caller). Each command loads its modules when it
 * runs, so that `--version` and `--help` cost little more than loading commander.
 */
export function buildProgram(setExit: (status: number) => void): Command {
  const program = new Command('novlangue')
    .description('Critical discourse analysis of smart-city rhetoric: scores documents (.txt, .md, .html, .pdf) against an essay-grounded lexicon of technocratic novlangue.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .argument('[paths...]', 'files, folders (walked recursively) or quoted globs')
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(langOption('language of the documents; "auto" detects French or English per document'));
  dataOptions(program)
    .option('--weights <file>', 'score with the category multipliers of a weights file (see `novlangue calibrate`, docs/VALIDATION.md)')
    .addOption(
      new Option('-j, --jobs <n>', 'worker threads (a pool starts only for more than 2 × n files and --min-pool-bytes of text)').argParser(parseJobs(MAX_JOBS)).default(availableParallelism(), 'the number of cores'),
    )
    .option('--min-pool-bytes <size>', `below this much text in all, run in one thread whatever --jobs says (default ${DEFAULT_MIN_POOL_BYTES / 1024 / 1024}M; 0: a pool whenever --jobs allows)`, parsePoolBytes)
    .option('--fail-above <score>', 'exit with status 1 when a document scores above this (0-100)', parseScore)
    .option('--max-bytes <size>', `skip larger files as ETOOLARGE records (default ${DEFAULT_MAX_BYTES / 1024 / 1024}M)`, parseSize)
    .addOption(new Option('--per <unit>', 'csv: one row per document or per finding').choices(['document', 'finding']).default('document'))
    .option('--excel', 'csv: start with a byte order mark so Excel reads UTF-8')
    .option('--group-by <field>', 'group documents by a metadata field (city, kind, source…) instead of their first folder', 'folder')
    .option('--include-short', `count documents under ${MIN_WORDS} words in the group figures (they are always in the ranking, flagged short)`)
    .option('--top <n>', 'text, md: findings shown per document (default 5)', parseCount)
    .option('--top-docs <n>', 'html: documents shown in full, highlighted, in rank order (default 50)', parseCount)
    .addOption(new Option('--locale <locale>', 'html, text, md: the interface language (html default: French when most of the corpus is French; text, md: en)').choices(['fr', 'en', 'auto']))
    .option('--title <title>', 'html, md: the report\'s title')
    .option('--with-text', 'json, jsonl: include the extracted text of each document')
    .option('--resume', 'jsonl, csv with --output FILE: keep the records an interrupted run left in FILE, analyse only the other files')
    .option('--color', 'text: colours even when stdout is not a terminal')
    .option('--no-color', 'text: no colours')
    .option('-q, --quiet', 'no progress bar, no notes on stderr')
    .option('--config <file>', 'settings file (default: the nearest novlangue.config.json in this folder or above; see docs/CLI.md)')
    .option('--no-config', 'read no settings file')
    .addHelpText('after', EXIT_HELP)
    .action(async (paths: string[], flags: RunFlags, command: Command) => {
      const { runCorpus } = await import('./run.js');
      setExit(await runCorpus(paths, flags, typedOptions(command), program.commands.map((sub) => sub.name())));
    });

  lexiconOptions(
    program
      .command('explain')
      .description('what novlangue says about a term: category, weight, gloss, essay section, patterns')
      .argument('<term>', 'a word, a phrase or a rule id (e.g. "ville intelligente", fr.hyperviseur)')
      .addOption(langOption('lexicon to look in; "auto": the French, then the English one')),
  ).action(async (term: string, flags: LexiconFlags) => {
    const { findEntries, formatEntries } = await import('./explain.js');
    const entries = (await lexiconsFor(flags)).flatMap((lexicon) => findEntries(term, lexicon));
    if (entries.length === 0) {
      process.stderr.write(`novlangue: no lexicon entry matches ${JSON.stringify(term)}; \`novlangue rules\` lists them all.\n`);
      setExit(EXIT.threshold);
      return;
    }
    process.stdout.write(formatEntries(entries));
    setExit(EXIT.ok);
  });

  lexiconOptions(
    program
      .command('rules')
      .description('the table of rules: every lexicon entry and pattern rule by category, with its weight and patterns')
      .addOption(langOption('lexicon to list; "auto": the French, then the English one'))
      .addOption(new Option('-f, --format <format>', 'table format').choices(['text', 'md', 'json']).default('text')),
  ).action(async (flags: LexiconFlags & { format: 'text' | 'md' | 'json' }) => {
    const [{ formatRules, listRules }, { bundledRules }] = await Promise.all([import('./rules.js'), import('../rules/load.js')]);
    const rows = (await lexiconsFor(flags)).flatMap((lexicon) => listRules(lexicon, bundledRules(lexicon.lang)));
    process.stdout.write(formatRules(rows, flags.format));
    setExit(EXIT.ok);
  });
  labelledRunOptions(
    program
      .command('validate')
      .description('how well the score tells a labelled corpus apart: ROC AUC of the positive label against the others, per language, with bootstrap intervals; rules that help or hurt; the worst-ranked pairs')
      .argument('<paths...>', 'labelled files, folders (walked recursively) or quoted globs'),
  )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'md']).default('text'))
    .option('--weights <file>', 'score with the category multipliers of a weights file (see calibrate)')
    .option('--bootstrap <n>', 'bootstrap resamples per interval, stratified by label (0: no intervals)', parseCountUpTo(100_000), 1000)
    .option('--seed <n>', 'seed of the bootstrap: the same seed, the same report', parseCountUpTo(2 ** 32 - 1), 1)
    .option('--rule-rows <n>', 'rows of the per-rule table', parseCount, 25)
    .option('--worst <n>', 'inverted pairs listed', parseCount, 10)
    .addHelpText(
      'after',
      `${LABELS_HELP}

Examples:
  novlangue validate corpus/                                  labels from each document's metadata
  novlangue validate corpus/ --labels labels.csv --exclude-label descriptive
  novlangue validate corpus/ --format json --weights weights.json`,
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { runValidate } = await import('./validate.js');
      setExit(await runValidate(paths, flags));
    });

  labelledRunOptions(
    program
      .command('calibrate')
      .description('fit the score\'s category multipliers per language on a labelled corpus, report their cross-validated AUC, write them as a weights file')
      .argument('<paths...>', 'labelled files, folders (walked recursively) or quoted globs'),
  )
    .requiredOption('-o, --output <file>', 'the weights file to write (read it back with --weights FILE)')
    .option('--folds <k>', 'folds of the stratified cross-validation (2 or more)', parseCount, 5)
    .option('--seed <n>', 'seed of the folds: the same seed, the same weights', parseCountUpTo(2 ** 32 - 1), 1)
    .option('--penalty <x>', 'AUC given up per unit a multiplier moves away from 1 (0: none)', parseNonNegative, 0.01)
    .addHelpText(
      'after',
      `${LABELS_HELP}

Example:
  novlangue calibrate corpus/ --labels labels.csv -o weights.json
  novlangue validate corpus/ --labels labels.csv --weights weights.json`,
    )
    .action(async (paths: string[], flags: CalibrateFlags) => {
      const { runCalibrate } = await import('./calibrate.js');
      setExit(await runCalibrate(paths, flags));
    });
  toolboxCommands(program, setExit);
  const lexicon = program.command('lexicon').description('lexicons and the dictionary formats researchers use: LIWC .dic, LIWC-22 .dicx, quanteda YAML');
  lexicon
    .command('import')
    .description('a dictionary (.dic, .dicx, .yml, .yaml) as a novlangue lexicon (JSON); a word* becomes a stem pattern, a plain word an exact form')
    .argument('<file>', 'the dictionary file')
    .addOption(new Option('--lang <lang>', 'the language of the texts the dictionary is for').choices([...LANGS]).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'the dictionary format (default: from the file name)').choices([...DICTIONARY_FORMATS]))
    .option('-o, --output <file>', 'write the lexicon to a file instead of stdout')
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (file: string, flags: LexiconImportFlags) => {
      const { runLexiconImport } = await import('./lexicon.js');
      setExit(await runLexiconImport(file, flags));
    });
  lexiconOptions(
    lexicon
      .command('export')
      .description('a lexicon (the bundled one of --lang, with any --lexicon files) as a dictionary file')
      .addOption(new Option('--lang <lang>', 'the lexicon to export').choices([...LANGS]).makeOptionMandatory())
      .addOption(new Option('-f, --format <format>', 'the dictionary format').choices([...DICTIONARY_FORMATS]).makeOptionMandatory())
      .option('-o, --output <file>', 'write the dictionary to a file instead of stdout')
      .option('-q, --quiet', 'no notes on stderr'),
  ).action(async (flags: LexiconExportFlags) => {
    const { runLexiconExport } = await import('./lexicon.js');
    setExit(await runLexiconExport(flags));
  });
  for (const command of lexicon.commands) command.exitOverride();
  return program;
}

/** What `kwic`, `terms` and `compare` share: the data, the language, how the corpus is read, where the report goes. */
const toolboxOptions = (command: Command): Command =>
  dataOptions(command.addOption(langOption('language of the documents; "auto" detects French or English per document')))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(parseJobs(MAX_JOBS)).default(availableParallelism(), 'the number of cores'))
    .option('--min-pool-bytes <size>', `below this much text in all, run in one thread whatever --jobs says (default ${DEFAULT_MIN_POOL_BYTES / 1024 / 1024}M)`, parsePoolBytes)
    .option('--max-bytes <size>', `skip larger files (default ${DEFAULT_MAX_BYTES / 1024 / 1024}M)`, parseSize)
    .option('-q, --quiet', 'no notes on stderr');

/** The researcher's toolbox (docs/TOOLBOX.md): concordance, frequency list, comparison of sub-corpora. */
function toolboxCommands(program: Command, setExit: (status: number) => void): void {
  const voice = (): Option => new Option('--voice <voice>', 'count every finding, or only those in the author\'s own voice').choices(['all', 'use']).default('all');
  const groupField = 'lang, format, reading, folder, or a metadata field (city, kind…)';
  toolboxOptions(
    program
      .command('kwic')
      .description('concordance (keyword in context): every hit of a rule, a category or a phrase, with its context, place, rule and stance')
      .argument('<query>', 'a rule id (fr.smart-city, fr.accumulation), a category (surveillance), or a word or phrase in the lexicon pattern syntax ("ville|villes intelligent")')
      .argument('<paths...>', 'files, folders (walked recursively) or quoted globs'),
  )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'csv', 'json', 'jsonl', 'md', 'html']).default('text'))
    .option('--width <n>', 'words of context on each side (0 to 100)', parseCountUpTo(100), 8)
    .addOption(new Option('--sort <order>', 'by place, or by the words left or right of the match').choices(['position', 'left', 'right']).default('position'))
    .addHelpText('after', '\nExamples:\n  novlangue kwic fr.smart-city corpus/\n  novlangue kwic "ville|villes intelligent" corpus/ --sort right --format html -o kwic.html\n\nThe query syntax, the fields of a hit and the sort orders: docs/TOOLBOX.md.')
    .action(async (query: string, paths: string[], flags: import('./kwic.js').KwicFlags) => {
      const { runKwic } = await import('./kwic.js');
      setExit(await runKwic(query, paths, flags));
    });

  toolboxOptions(
    program
      .command('terms')
      .description('frequency list: per rule, surface form and category, the findings, those in the author\'s voice, documents, rate per 1,000 words; per group with --by')
      .argument('<paths...>', 'files, folders (walked recursively) or quoted globs'),
  )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'csv', 'json', 'md']).default('text'))
    .option('--by <field>', `one table per value of this field: ${groupField}`)
    .addOption(voice())
    .option('--top <n>', 'text, md: rows per table (default 20; 0: all)', parseCount)
    .addHelpText('after', '\nExamples:\n  novlangue terms corpus/\n  novlangue terms corpus/ --by city --voice use --format csv -o terms.csv')
    .action(async (paths: string[], flags: import('./terms.js').TermsFlags) => {
      const { runTerms } = await import('./terms.js');
      setExit(await runTerms(paths, flags));
    });

  toolboxOptions(
    program
      .command('compare')
      .description('keyness between two sub-corpora: per rule, surface form and category, counts and rates, signed log-likelihood G² with its p-value, log ratio')
      .argument('<paths...>', 'A and B (two files, folders or globs), or the corpus to split with --by and --groups'),
  )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'csv', 'json', 'md']).default('text'))
    .option('--by <field>', `split the corpus by this field: ${groupField}`)
    .option('--groups <x,y>', 'with --by: the two values to compare (X alone: X against all the others)')
    .addOption(voice())
    .option('--min-count <n>', 'rows need this many occurrences in A and B together', parseCount, 2)
    .option('--min-words <n>', 'warn about a side with fewer words', parseCount, 1000)
    .option('--candidates', 'propose lexicon entries: word n-grams that A uses significantly more than B and that no entry covers')
    .option('--ngram <n>', 'with --candidates: longest n-gram, in words (1 to 5)', parseCountUpTo(5), 3)
    .option('--top <n>', 'text, md: rows per table; candidates: how many (default 20 and 25)', parseCount)
    .addHelpText('after', '\nExamples:\n  novlangue compare corpus/lyon corpus/grenoble\n  novlangue compare corpus/ --by reading --groups promotional,critical --voice use --candidates\n\nThe formulas and how they compare to AntConc and quanteda: docs/TOOLBOX.md.')
    .action(async (paths: string[], flags: import('./compare.js').CompareFlags) => {
      const { runCompare } = await import('./compare.js');
      setExit(await runCompare(paths, flags));
    });
}
