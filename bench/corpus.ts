/**
 * The bench corpus, built the same way on every run from the repository's own texts: no
 * randomness but a seeded generator, sources in code-point order, and a SHA-256 of every
 * text so that two runs can be checked to have measured the same thing.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { seededRandom } from '../src/validate/random.js';

/** A large text made of the repository's texts in one language, repeated. */
export interface BenchText {
  lang: 'fr' | 'en';
  text: string;
  /** Files (or fixtures) the text is made of, relative to the repository. */
  sources: string[];
  /** Distinct text before repetition. */
  baseBytes: number;
  repetitions: number;
  /** UTF-8 bytes; MB in this bench are 10^6 bytes. */
  bytes: number;
  chars: number;
  sha256: string;
  /** Caveats to print with the figures (e.g. too little distinct English text). */
  notes: string[];
}

/** The folder of small files the CLI runs over. */
export interface BenchFolder {
  dir: string;
  files: number;
  bytes: number;
  /** Cut from which text. */
  from: string;
  seed: number;
  /** SHA-256 of all file contents in name order: same folder, same hash. */
  sha256: string;
}

/** Below this much distinct English, the English figures come with a caveat. */
const ENOUGH_DISTINCT = 100_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const posix = (path: string): string => path.split(sep).join('/');

/** `.txt` files under `dir`, recursively, in code-point order of their path. */
function textFiles(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => posix(relative(root, join(dir, name))))
    .sort(byCodePoint);
}

/** `base` repeated, paragraph after paragraph, until the text holds at least `targetBytes`. */
function repeatTo(lang: 'fr' | 'en', pieces: Array<{ source: string; text: string }>, targetBytes: number, notes: string[]): BenchText {
  const base = pieces.map((piece) => piece.text.trim()).join('\n\n');
  const baseBytes = bytesOf(base);
  const repetitions = Math.max(1, Math.ceil(targetBytes / (baseBytes + 2)));
  const text = Array.from({ length: repetitions }, () => base).join('\n\n');
  return {
    lang,
    text,
    sources: pieces.map((piece) => piece.source),
    baseBytes,
    repetitions,
    bytes: bytesOf(text),
    chars: text.length,
    sha256: sha256(text),
    notes,
  };
}

/**
 * French: every `corpus/**\/*.txt` outside `corpus/en/`, then the full Jarrige essay from the
 * test fixtures; repeated to `targetBytes`.
 */
export function frenchText(root: string, targetBytes: number): BenchText {
  const files = textFiles(root, join(root, 'corpus')).filter((file) => !file.startsWith('corpus/en/'));
  files.push('tests/fixtures/jarrige-2020-impasse-smart-cities.txt');
  const pieces = files.filter((file) => existsSync(join(root, file))).map((file) => ({ source: file, text: readFileSync(join(root, file), 'utf8') }));
  return repeatTo('fr', pieces, targetBytes, []);
}

interface EnglishFixture {
  id: string;
  text: string;
}

/**
 * English: every `corpus/en/**\/*.txt`, then the English-only texts of
 * `tests/fixtures/english.ts` (its French and mixed texts are left out); repeated to
 * `targetBytes`. Undefined when the repository holds no English text at all.
 */
export async function englishText(root: string, targetBytes: number): Promise<BenchText | undefined> {
  const pieces = textFiles(root, join(root, 'corpus', 'en')).map((file) => ({ source: file, text: readFileSync(join(root, file), 'utf8') }));
  const notes: string[] = [];
  try {
    const fixtures = (await import('../tests/fixtures/english.js')) as { MARKETING: readonly EnglishFixture[]; CRITICAL: readonly EnglishFixture[] };
    for (const fixture of [...fixtures.MARKETING, ...fixtures.CRITICAL]) {
      pieces.push({ source: `tests/fixtures/english.ts#${fixture.id}`, text: fixture.text });
    }
  } catch (error) {
    notes.push(`tests/fixtures/english.ts could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (pieces.length === 0) return undefined;
  const english = repeatTo('en', pieces, targetBytes, notes);
  if (english.baseBytes < ENOUGH_DISTINCT) {
    english.notes.push(
      `too little English text yet: ${(english.baseBytes / 1000).toFixed(1)} KB of distinct text (${pieces.length} texts from ` +
      `${existsSync(join(root, 'corpus', 'en')) ? 'corpus/en/ and ' : ''}tests/fixtures/english.ts) repeated ${english.repetitions} times; ` +
      'a small vocabulary keeps the stem cache warmer than real English would',
    );
  }
  return english;
}


const WHITESPACE = /\s/;

/** Name of the `i`-th file: sorted by name, files come in generation order. */
export const fileName = (i: number): string => `doc-${String(i).padStart(5, '0')}.txt`;

/**
 * Write `files` files of 2.6 to 3.4 KB into `dir`, each a window of `source` starting at a
 * seeded offset of its distinct part and cut at whitespace, so no word is split.
 */
export function writeFolder(dir: string, source: BenchText, files: number, seed: number): BenchFolder {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const { text } = source;
  const distinct = Math.min(text.length, Math.max(1, Math.floor(text.length / source.repetitions)));
  const hash = createHash('sha256');
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    let start = Math.floor(random() * distinct);
    let end = start + 2600 + Math.floor(random() * 800);
    while (start > 0 && start < text.length && !WHITESPACE.test(text.charAt(start - 1))) start++;
    while (end < text.length && !WHITESPACE.test(text.charAt(end))) end++;
    const content = `${text.slice(start, Math.min(end, text.length)).trim()}\n`;
    writeFileSync(join(dir, fileName(i)), content);
    hash.update(content);
    bytes += bytesOf(content);
  }
  return { dir, files, bytes, from: `the French bench text (${source.sources.length} sources)`, seed, sha256: hash.digest('hex') };
}

/** A folder holding `files` files of `folder` from the `first`-th on, as hard links (copies where links fail). */
export function subFolder(folder: BenchFolder, dir: string, files: number, first = 0): BenchFolder {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  for (let i = first; i < first + files; i++) {
    const from = join(folder.dir, fileName(i));
    const to = join(dir, fileName(i));
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    const content = readFileSync(to);
    hash.update(content);
    bytes += content.length;
  }
  return { dir, files, bytes, from: folder.from, seed: folder.seed, sha256: hash.digest('hex') };
}
