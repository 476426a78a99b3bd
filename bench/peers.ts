/**
 * What the bench measures: novlangue as users get it (the built `dist/`, not the TypeScript
 * sources), and its peers on the same text: wink-nlp's `readDoc`, a bare regex tokenizer, alex.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Model, WinkMethods } from 'wink-nlp';
import { available, reasonOf, unavailable, type Outcome } from './measure.js';

/** The public API of the package. */
export type Novlangue = typeof import('../src/index.js');

/** `dist/index.js` of the repository at `root`, the entry point of the published package. */
export function libraryUrl(root: string): Outcome<string> {
  const entry = join(root, 'dist', 'index.js');
  return existsSync(entry) ? available(pathToFileURL(entry).href) : unavailable('dist/index.js not found: run `npm run build` (or `npm run bench`, which builds first)');
}

export async function loadNovlangue(root: string): Promise<Outcome<Novlangue>> {
  const url = libraryUrl(root);
  if (!url.ok) return url;
  try {
    return available((await import(url.value)) as Novlangue);
  } catch (error) {
    return unavailable(`dist/index.js failed to load: ${reasonOf(error)}`);
  }
}

type WinkFactory = (model: Model, pipe?: string[]) => WinkMethods;

/**
 * The pipe novlangue's English step gives wink (src/tokenize/english.ts): sentence boundaries
 * and parts of speech. It is the readDoc that `analyze(text, { lang: 'en' })` runs inside.
 */
export const NOVLANGUE_WINK_PIPE = ['sbd', 'pos'];

/** wink-nlp with wink-eng-lite-web-model, with novlangue's pipe and with wink's default (full) pipe. */
export interface Wink {
  stack: WinkMethods;
  full: WinkMethods;
  version: string;
  modelVersion: string;
}

export function loadWink(root: string): Outcome<Wink> {
  try {
    const require = createRequire(join(root, 'package.json'));
    const winkNLP = require('wink-nlp') as WinkFactory;
    const model = require('wink-eng-lite-web-model') as Model;
    return available({
      stack: winkNLP(model, NOVLANGUE_WINK_PIPE),
      full: winkNLP(model),
      version: (require('wink-nlp/package.json') as { version: string }).version,
      modelVersion: (require('wink-eng-lite-web-model/package.json') as { version: string }).version,
    });
  } catch (error) {
    return unavailable(`wink-nlp: ${reasonOf(error)}`);
  }
}

/**
 * The floor any tokenizer costs: one Unicode regular expression, every run of letters, marks
 * and digits or any other non-space character a token, with its start and end offsets kept.
 */
const FLOOR = /[\p{L}\p{M}\p{Nd}]+|\S/gu;

export function regexTokens(text: string): number {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(FLOOR)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return starts.length;
}

/** alex (retext-equality and retext-profanities over retext-english) on plain text. */
export interface Alex {
  text: (value: string) => { messages: unknown[] };
  version: string;
}

export async function loadAlex(root: string): Promise<Outcome<Alex>> {
  try {
    const alex = await import('alex');
    const require = createRequire(join(root, 'package.json'));
    return available({ text: (value) => alex.text(value), version: (require('alex/package.json') as { version: string }).version });
  } catch (error) {
    return unavailable(`alex: ${reasonOf(error)}`);
  }
}
