import { LANGS } from '../languages/index.js';
import type { Lang, TokenKind } from '../types.js';
import { grown } from './grow.js';
import { KINDS } from './raw.js';
import { stem } from './stem.js';

/**
 * What every token written the same way, of the same kind and language, shares: its text, its
 * normalised form and its stem. A text of a million tokens holds a few thousand forms (Zipf's
 * law), so tokens point to shared forms instead of carrying three strings each, and whatever
 * is computed from a form (the lexicon entries it may start) can be remembered per form.
 */
export interface TokenForm {
  readonly text: string;
  /** Lower-cased, typographic apostrophe `’` folded to `'`, accents composed (words and elisions). */
  readonly norm: string;
  /** Stem of `norm` (Porter stemmer of the language) for words of up to 64 characters; `norm` otherwise. */
  readonly stem: string;
  readonly kind: TokenKind;
  /** Number of the form among those made since the tables last started again (see `FormMemo`). */
  readonly id: number;
}

const COMBINING = /[\u0300-\u036f]/;

/** Lower-case, fold `’` to `'`, and compose decomposed accents so that stems compare equal. */
export function normalizeWord(text: string): string {
  let norm = text.toLowerCase();
  if (norm.includes('\u2019')) norm = norm.replaceAll('\u2019', "'");
  if (norm.includes('\u02bc')) norm = norm.replaceAll('\u02bc', "'");
  if (COMBINING.test(norm)) norm = norm.normalize('NFC');
  return norm;
}

/** Does the form start with a capital letter (`Ville`, `Écologie`)? */
export function isCapitalised(form: TokenForm): boolean {
  const code = form.text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const first = form.text.charAt(0);
  return first !== first.toLowerCase();
}

let nextId = 0;
/** Counts the times the tables started again: a memo of an older generation forgets its values. */
let generation = 0;
/**
 * Forms made before the tables start again (`startFormsAgain`), bounding the tables and the
 * memos against texts of endless new words: about 130,000 forms, where a few thousand are most
 * of any corpus (Zipf's law).
 */
const FORM_LIMIT = 1 << 17;

function newForm(text: string, kind: TokenKind, lang: Lang): TokenForm {
  const id = nextId++;
  if (kind === 'word') {
    const norm = normalizeWord(text);
    return { text, norm, stem: stem(norm, lang), kind, id };
  }
  const norm = kind === 'elision' ? normalizeWord(text) : text;
  return { text, norm, stem: norm, kind, id };
}

/**
 * The forms made so far, found by their characters where they stand in the text: an
 * open-addressing hash table of form numbers. A Map keyed by strings would need each token
 * sliced out of the text first, a string allocated for every token only to be looked up.
 */
const INITIAL_SLOTS = 1 << 12;
let slots = new Int32Array(INITIAL_SLOTS).fill(-1);
/** By form number: the form, its hash, and its kind code and language as one key. */
let forms: TokenForm[] = [];
let hashes = new Int32Array(INITIAL_SLOTS);
let keys = new Int32Array(INITIAL_SLOTS);

/** FNV-1a over the code units of `text[start, end)`, seeded with the kind and language. */
function hashOf(text: string, start: number, end: number, key: number): number {
  let hash = Math.imul(0x811c9dc5 ^ key, 0x01000193);
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 16);
}

function spells(form: TokenForm, text: string, start: number, end: number): boolean {
  const written = form.text;
  if (written.length !== end - start) return false;
  for (let i = 0; i < written.length; i++) if (written.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function place(id: number): void {
  const mask = slots.length - 1;
  let slot = hashes[id]! & mask;
  while (slots[slot]! >= 0) slot = (slot + 1) & mask;
  slots[slot] = id;
}

/** Keep the table at most half full, so that probes stay short. */
function makeRoom(): void {
  if (nextId >= hashes.length) {
    hashes = grown(hashes, hashes.length * 2);
    keys = grown(keys, keys.length * 2);
  }
  if (nextId * 2 < slots.length) return;
  slots = new Int32Array(slots.length * 2).fill(-1);
  for (let id = 0; id < nextId; id++) place(id);
}

/** Each language's number, for the key of a form. */
const LANG_NUMBERS = Object.fromEntries(LANGS.map((lang, number) => [lang, number])) as Record<Lang, number>;

/** The shared form of the token of kind `kind` (a code of `KINDS`) at `text[start, end)`. */
export function formAt(text: string, start: number, end: number, kind: number, lang: Lang): TokenForm {
  const key = kind * LANGS.length + LANG_NUMBERS[lang];
  const hash = hashOf(text, start, end, key);
  const mask = slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const id = slots[slot]!;
    if (id < 0) break;
    if (hashes[id] === hash && keys[id] === key && spells(forms[id]!, text, start, end)) return forms[id]!;
  }
  makeRoom();
  const form = newForm(text.slice(start, end), KINDS[kind]!, lang);
  forms.push(form);
  hashes[form.id] = hash;
  keys[form.id] = key;
  place(form.id);
  return form;
}

/**
 * Empty the form table once it holds `FORM_LIMIT` forms. Only between texts: the forms of a
 * text being analysed must keep their numbers, which the next forms will reuse.
 */
export function startFormsAgain(): void {
  if (nextId < FORM_LIMIT) return;
  slots = new Int32Array(INITIAL_SLOTS).fill(-1);
  forms = [];
  hashes = new Int32Array(INITIAL_SLOTS);
  keys = new Int32Array(INITIAL_SLOTS);
  nextId = 0;
  generation++;
}

/**
 * A value computed from a token form (what a lexicon index answers for it, say), remembered by
 * the form's number: an array read instead of a hash look-up, for every token, in every index.
 * The values belong to the memo, so they go when the index that owns it goes.
 */
export class FormMemo<V> {
  /** Position + 1 in `values` of each form's value, by form number; 0: not computed yet. */
  private positions = new Int32Array(256);
  private values: V[] = [];
  private generation = generation;

  constructor(private readonly compute: (form: TokenForm) => V) {}

  get(form: TokenForm): V {
    if (this.generation !== generation) this.clear();
    const { id } = form;
    if (id >= this.positions.length) this.grow(id);
    const position = this.positions[id]!;
    if (position > 0) return this.values[position - 1]!;
    const value = this.compute(form);
    this.positions[id] = this.values.push(value);
    return value;
  }

  /** Forget every value (the index it computes from changed). */
  clear(): void {
    this.positions = new Int32Array(256);
    this.values = [];
    this.generation = generation;
  }

  private grow(id: number): void {
    this.positions = grown(this.positions, Math.max(id + 1, this.positions.length * 2));
  }
}

/**
 * A yes-or-no question about token forms (does this form fill that slot?), remembered as two
 * bits per form number: a slot is asked about the same few thousand forms over and over.
 */
export class FormTest {
  private known = new Uint32Array(8);
  private answers = new Uint32Array(8);
  private generation = generation;

  constructor(private readonly test: (form: TokenForm) => boolean) {}

  has(form: TokenForm): boolean {
    if (this.generation !== generation) this.forget();
    const word = form.id >>> 5;
    const bit = 1 << (form.id & 31);
    if (word >= this.known.length) this.grow(word);
    if ((this.known[word]! & bit) !== 0) return (this.answers[word]! & bit) !== 0;
    const answer = this.test(form);
    this.known[word]! |= bit;
    if (answer) this.answers[word]! |= bit;
    return answer;
  }

  private forget(): void {
    this.known = new Uint32Array(8);
    this.answers = new Uint32Array(8);
    this.generation = generation;
  }

  private grow(word: number): void {
    const size = Math.max(word + 1, this.known.length * 2);
    this.known = grown(this.known, size);
    this.answers = grown(this.answers, size);
  }
}
