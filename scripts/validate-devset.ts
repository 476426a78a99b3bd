/**
 * `npm run validate`: novlangue's validity on the development set in ../shared/devset, when that
 * folder exists: per language, the ROC AUC of the score for promotional texts against the rest,
 * against critical and against neutral ones, with bootstrap 95 % intervals.
 *
 *   npm run validate                          build, then validate (exit 0 with a note when there is no devset)
 *   npm run validate -- --weights FILE        the same with a weights file (novlangue calibrate), beside the figures without
 *   npm run validate -- --json                the validation reports as JSON (docs/VALIDATION.md)
 *   npm run validate -- --devset DIR          another set with the same manifest.json layout
 *
 * The manifest's labels are mapped: PROMO_* → promotional, CRITICAL_* → critical, NEUTRAL_* →
 * neutral; DESCRIPTIVE_* texts are left out of the AUC (and counted). Each language is a run of
 * its own with the manifest's `lang`, so a text is analysed in the language it is listed in.
 * The texts are third-party: this script reads them, and nothing of them goes into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NovlangueError, validateCorpus, type Lang, type LabelRow, type ScoreWeights, type ValidationReport } from 'novlangue';
import { loadWeights } from '../src/weights/load.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LABELS: Readonly<Record<string, string>> = { PROMO: 'promotional', CRITICAL: 'critical', NEUTRAL: 'neutral', DESCRIPTIVE: 'descriptive' };
const EXCLUDED = ['descriptive'];
const LANGS: readonly Lang[] = ['fr', 'en'];

/** A path as a user would type it from here: relative when it is close by, absolute otherwise. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' ? '.' : relative.startsWith('../..') ? file : relative;
}

interface Settings {
  devset: string;
  json: boolean;
  weights: string | undefined;
}

function settings(argv: readonly string[]): Settings {
  const result: Settings = { devset: path.resolve(ROOT, '../shared/devset'), json: false, weights: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') result.json = true;
    else if (arg === '--weights' || arg === '--devset') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new NovlangueError('EUSAGE', `${arg} expects a path.`);
      if (arg === '--weights') result.weights = value;
      else result.devset = path.resolve(value);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run validate [-- --json] [-- --weights FILE] [-- --devset DIR]\n');
      process.exit(0);
    } else throw new NovlangueError('EUSAGE', `unknown option ${JSON.stringify(arg)}; the options are --json, --weights FILE, --devset DIR.`);
  }
  return result;
}

interface Entry {
  file: string;
  label: string;
  lang: Lang;
}

/** The manifest's entries, with their labels mapped. */
function readManifest(file: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NovlangueError('EUSAGE', `${file} is not readable JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!Array.isArray(data)) throw new NovlangueError('EUSAGE', `${file} must hold an array of { file, label, lang }.`);
  return data.map((item: { file?: unknown; label?: unknown; lang?: unknown }, index): Entry => {
    const where = `${file}, item ${index + 1}`;
    if (typeof item?.file !== 'string' || typeof item.label !== 'string') throw new NovlangueError('EUSAGE', `${where}: expected strings "file" and "label".`);
    if (item.lang !== 'fr' && item.lang !== 'en') throw new NovlangueError('EUSAGE', `${where} (${item.file}): "lang" must be "fr" or "en", found ${JSON.stringify(item.lang)}.`);
    const label = LABELS[item.label.replace(/_[A-Z]+$/u, '')];
    if (label === undefined) throw new NovlangueError('EUSAGE', `${where} (${item.file}): unknown label ${JSON.stringify(item.label)}; expected PROMO_*, CRITICAL_*, NEUTRAL_* or DESCRIPTIVE_*.`);
    return { file: item.file, label, lang: item.lang };
  });
}

function readWeights(file: string): ScoreWeights {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NovlangueError('EUSAGE', `the weights file ${file} is not readable JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  return loadWeights(data, file).weights;
}

/** One report per language: each language's texts analysed with the manifest's `lang`. */
async function validateByLang(devset: string, entries: readonly Entry[], weights: ScoreWeights | undefined): Promise<Partial<Record<Lang, ValidationReport>>> {
  const reports: Partial<Record<Lang, ValidationReport>> = {};
  for (const lang of LANGS) {
    const mine = entries.filter((entry) => entry.lang === lang);
    if (mine.length === 0) continue;
    // Paths relative to the working directory: the reports show them as a user would type them.
    const rows: LabelRow[] = mine.map((entry) => ({ file: path.relative(process.cwd(), path.resolve(devset, entry.file)), label: entry.label }));
    reports[lang] = await validateCorpus(
      rows.map((row) => row.file),
      { lang, labels: rows, excludeLabels: EXCLUDED, ...(weights ? { weights } : {}) },
    );
  }
  return reports;
}

const cell = (report: ValidationReport, key: string): string => {
  const value = report.auc[key];
  const interval = report.interval[key];
  if (value === null || value === undefined) return 'n/a';
  return interval ? `${value.toFixed(3)} (${interval[0].toFixed(3)}–${interval[1].toFixed(3)})` : value.toFixed(3);
};

function summary(lang: Lang, report: ValidationReport, weighted: ValidationReport | undefined, weightsFile: string | undefined): string {
  const counts = Object.entries(report.labels).map(([label, count]) => `${label} ${count}`).join(', ');
  const leftOut = [
    ...Object.entries(report.leftOut.excluded).map(([label, files]) => `${files.length} ${label}`),
    ...(report.leftOut.unlabelled.length > 0 ? [`${report.leftOut.unlabelled.length} without a label`] : []),
    ...(report.failures.length > 0 ? [`${report.failures.length} unreadable (${report.failures.map((failure) => failure.file).join(', ')})`] : []),
  ];
  const lines = [`${lang}: ${report.documents} texts compared (${counts})${leftOut.length > 0 ? `; left out: ${leftOut.join(', ')}` : ''}`];
  const keys = ['rest', 'critical', 'neutral'].filter((key) => key in report.auc);
  const header = ['promotional against', weighted ? 'without weights' : 'AUC (95 % interval)', ...(weighted ? [`with ${weightsFile}`] : [])];
  const rows = keys.map((key) => [key, cell(report, key), ...(weighted ? [cell(weighted, key)] : [])]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) lines.push(`  ${row.map((text, i) => text.padEnd(widths[i]!)).join('  ').trimEnd()}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const options = settings(process.argv.slice(2));
  const manifest = path.join(options.devset, 'manifest.json');
  if (!existsSync(manifest)) {
    process.stdout.write(`novlangue: no development set: ${shown(manifest)} does not exist, so there is nothing to validate.\n`);
    return 0;
  }
  const entries = readManifest(manifest);
  const weights = options.weights === undefined ? undefined : readWeights(options.weights);
  const plain = await validateByLang(options.devset, entries, undefined);
  const weighted = weights ? await validateByLang(options.devset, entries, weights) : undefined;
  const devset = shown(options.devset);
  if (options.json) {
    const out = { devset, lang: 'manifest', weights: options.weights ?? null, reports: weighted ?? plain, ...(weighted ? { unweighted: plain } : {}) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const parts = [`novlangue validate on ${devset}: ${entries.length} texts, each analysed in the language the manifest gives it; positive label: promotional.`];
  for (const lang of LANGS) if (plain[lang]) parts.push(summary(lang, plain[lang], weighted?.[lang], options.weights));
  parts.push('AUC: the probability that a promotional text scores above a text of the other side (ties count half); intervals: stratified bootstrap, 1000 resamples, seed 1.');
  process.stdout.write(`${parts.join('\n\n')}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof NovlangueError)) throw error;
  process.stderr.write(`novlangue: ${error.message}\n`);
  process.exitCode = 2;
}
