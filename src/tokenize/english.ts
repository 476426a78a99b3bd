import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';
import type { Lang, TokenKind } from '../types.js';
import { isAsciiLetter } from './chars.js';
import { scan } from './01-scan.js';
import { hasBlankLine } from './02-sentences.js';
import { QUOTATION_MARKS } from './marks.js';
import { RawTokens, type RawToken, type RawTokenization } from './raw.js';

/**
 * English: wink-nlp with wink-eng-lite-web-model gives tokens, sentences and universal POS
 * tags. wink has no offset API but its tokenisation is lossless, so offsets are rebuilt from
 * each token's preceding spaces and length, and every token is checked against the text
 * before it is emitted. Then wink's tokens are brought to the shape the shared steps expect:
 * hyphenated compounds whole (`data-driven`), `5G` and `CO₂` one word, footnote calls apart,
 * trailing punctuation out of URLs, `Songdo’s` split like `Toronto's`.
 */

type WinkFactory = (model: Model, pipe?: string[]) => WinkMethods;

let nlp: WinkMethods | undefined;

/**
 * The wink-nlp instance, created on the first English call: the model takes ~100 ms and a few
 * megabytes to load, and a French-only run must not pay for it. `analyze()` is synchronous,
 * so the CommonJS packages are loaded with `require`, not with a dynamic `import()`.
 */
function winkNlp(): WinkMethods {
  if (nlp === undefined) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as WinkFactory;
    const model = require('wink-eng-lite-web-model') as Model;
    nlp = winkNLP(model, ['sbd', 'pos']);
  }
  return nlp;
}

/** An English token before the shared steps: a raw token plus what wink knows of it. */
interface Piece extends RawToken {
  /** Part of a contraction wink expanded (`ca` `n't`, `can` `not`): never glued back. */
  contraction: boolean;
  /** wink opens a sentence here. */
  opens: boolean;
}

/** A piece as wink gave it, with wink's token type. */
type WinkPiece = Piece & { type: string };

/**
 * Where a step sends its pieces, one at a time and in order. The steps run as one pass, from
 * wink's tokens to the raw tokens: no step builds an array of every piece of the text for the
 * next one to read (three arrays of a piece per token, for a text of a million tokens).
 */
type Emit = (piece: Piece) => void;

// Nothing but whitespace, control and format characters: never a token (the French scanner skips them too).
const BLANK = /^[\s\p{Cc}\p{Cf}]*$/u;
// Characters of a word, as the regex scanner counts them: letters, marks, digits, subscript digits (CO₂).
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}\u2080-\u2089]/u;
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const SUPERSCRIPT = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]/u;
const SUPERSCRIPTS = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+$/u;
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const URL_TRAILER = /[.,;:!?'’")\]}»”]+$/u;
const POSSESSIVE = /^(.*[\p{L}\p{M}])(['’][sS])$/u;
/** Runs longer than this without a space or a line break bypass wink (see `align`). */
const MAX_WINK_RUN = 64;

const isPrintableAscii = (code: number): boolean => code > 32 && code < 127;

/** Does `text[start, end)` hold whitespace (`\s`)? Read in place: asked of every token. */
function hasSpace(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(text.charAt(at))) return true;
  }
  return false;
}

/** Space, tab, line feed, carriage return: what separates the tokens of ordinary text. */
const isUsualBlank = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * `text` with every run of more than `MAX_WINK_RUN` characters without a space or line end
 * blanked out, same length; `text` itself when it has none. A loop rather than a replace: an
 * expression over a run of a few million characters overflows V8's backtracking stack.
 */
function withoutLongRuns(text: string): string {
  let parts: string[] | undefined;
  let kept = 0;
  for (let i = 0; i < text.length; ) {
    if (isUsualBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !isUsualBlank(text.charCodeAt(i))) i++;
    if (i - start <= MAX_WINK_RUN) continue;
    (parts ??= []).push(text.slice(kept, start), ' '.repeat(i - start));
    kept = i;
  }
  if (!parts) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}

/** Does `surface` hold a letter? Asked of nearly every token: its first code unit answers most of the time. */
function hasLetter(surface: string): boolean {
  return isAsciiLetter(surface.charCodeAt(0)) || LETTER.test(surface);
}

function kindOf(surface: string, type: string): TokenKind {
  // Most tokens are plain words: an ASCII letter first is a word (never a footnote call).
  if (type === 'word' && isAsciiLetter(surface.charCodeAt(0))) return 'word';
  switch (type) {
    case 'url':
    case 'email':
      return 'url';
    case 'punctuation':
      // A lone `’`, `‘` or `'` is a quotation mark: wink keeps apostrophes inside words.
      return QUOTATION_MARKS.has(surface) ? 'quote' : 'punct';
    case 'emoji':
    case 'emoticon':
    case 'currency':
    case 'symbol':
      return 'symbol';
    case 'number':
    case 'time':
      return hasLetter(surface) ? 'word' : 'number';
    default: // word, ordinal, decade, shortForm, alpha, apos, wordRP, unk
      if (SUPERSCRIPTS.test(surface) && surface.replace(SUPERSCRIPTS, '') === '') return 'footnote';
      if (hasLetter(surface)) return 'word';
      if (/^[\p{Nd}\u2080-\u2089]/u.test(surface)) return 'number';
      if (QUOTATION_MARKS.has(surface)) return 'quote';
      return /^\p{P}+$/u.test(surface) ? 'punct' : 'symbol';
  }
}

/**
 * Step 1: wink's tokens with offsets into `text`. The expected start is the end of the previous
 * token plus the preceding spaces wink counted; when the text does not hold the token's value
 * there (wink caps long runs of spaces and counts some exotic spaces its own way), the value is
 * searched forward (the first occurrence is the right one: only blanks lie between the cursor
 * and the token). A token that cannot be found is dropped, and step 4 rescans what is left over;
 * fuzzing found no such case with wink-nlp 2.4, but the guarantee must not rest on it.
 */
function align(original: string, emit: (piece: WinkPiece) => void): void {
  const wink = winkNlp();
  const { its } = wink;
  // wink's tokenizer is quadratic in the length of a run without spaces (`aaa…`, `co-co-co-…`:
  // 40,000 characters take seconds). Such runs are blanked out, same length, before wink reads
  // the text, and step 4 gives them to the regex scanner; no real English word is that long.
  const text = withoutLongRuns(original);
  const doc = wink.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const types = all.out(its.type) as string[];
  const tags = all.out(its.pos) as string[];
  const contractions = all.out(its.contractionFlag) as boolean[];
  const opens = new Uint8Array(values.length);
  for (const span of doc.sentences().out(its.span) as unknown as Array<[number, number]>) opens[span[0]] = 1;

  let cursor = 0;
  let pendingOpen = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    pendingOpen ||= opens[i] === 1;
    if (value === '') continue;
    let start = cursor + spaces[i]!.length;
    if (!text.startsWith(value, start)) {
      start = text.indexOf(value, cursor);
      if (start < 0) continue;
    }
    cursor = start + value.length;
    if (!isPrintableAscii(value.charCodeAt(0)) && BLANK.test(value)) continue;
    emit({
      kind: kindOf(value, types[i]!),
      start,
      end: cursor,
      pos: tags[i]!,
      type: types[i]!,
      contraction: contractions[i]!,
      opens: pendingOpen,
    });
    pendingOpen = false;
  }
}

/** A part of `from`, `[start, end)`, as a piece of its own. */
const part = (from: Piece, start: number, end: number, kind: TokenKind, pos: string, opens: boolean): Piece => ({
  kind,
  start,
  end,
  pos,
  contraction: from.contraction,
  opens,
});

/** Step 2: split what wink keeps together and the shared steps want apart. */
function refine(text: string, lang: Lang, piece: WinkPiece, emit: Emit): void {
  const { start, end, opens } = piece;
  if (hasSpace(text, start, end)) {
    const surface = text.slice(start, end);
    // wink sometimes keeps exotic spaces inside an unknown token (`³\u3000³`): rescan it.
    const parts = scan(surface, lang);
    for (let i = 0; i < parts.count; i++) emit(part(piece, start + parts.start(i), start + parts.end(i), parts.kind(i), 'X', opens && i === 0));
    return;
  }
  if (piece.type === 'url') {
    const surface = text.slice(start, end);
    // `https://example.org/page.` at the end of a sentence: the full stop is not the address's.
    const trailer = URL_TRAILER.exec(surface);
    const cut = trailer ? end - trailer[0].length : end;
    if (trailer && cut > start) {
      emit(part(piece, start, cut, 'url', piece.pos ?? 'X', opens));
      for (let at = cut; at < end; at++) {
        const char = text.charAt(at);
        emit(part(piece, at, at + 1, QUOTATION_MARKS.has(char) ? 'quote' : 'punct', 'PUNCT', false));
      }
      return;
    }
  } else if ((piece.type === 'hashtag' || piece.type === 'mention') && end - start > 1) {
    const surface = text.slice(start, end);
    // `#SmartCity`, `@IBM`: the sign is a symbol, the rest a word the lexicon can see.
    emit(part(piece, start, start + 1, 'symbol', 'SYM', opens));
    emit(part(piece, start + 1, end, kindOf(surface.slice(1), 'word'), 'PROPN', false));
    return;
  } else if (piece.kind === 'word' && !piece.contraction) {
    // wink splits `Toronto's` but sometimes not `Songdo’s`: split it the same way.
    const last = text.charCodeAt(end - 1);
    const possessive = end - start > 2 && (last === 115 || last === 83) ? POSSESSIVE.exec(text.slice(start, end)) : null;
    if (possessive) {
      const cut = start + possessive[1]!.length;
      emit(part(piece, start, cut, 'word', piece.pos ?? 'PROPN', opens));
      emit(part(piece, cut, end, 'word', 'PART', false));
      return;
    }
    // A footnote call glued to its word: `promoted³`.
    const superscript = last > 127 && SUPERSCRIPT.test(text.charAt(end - 1)) ? SUPERSCRIPTS.exec(text.slice(start, end)) : null;
    if (superscript && superscript.index > 0) {
      const cut = start + superscript.index;
      emit(part(piece, start, cut, kindOf(superscript.input.slice(0, superscript.index), 'word'), piece.pos ?? 'X', opens));
      emit(part(piece, cut, end, 'footnote', 'X', false));
      return;
    }
  }
  // Most tokens pass as wink gave them.
  piece.pos ??= 'X';
  emit(piece);
}

/** Part of speech of a compound made of `first … last`. */
function compoundPos(first: Piece, last: Piece, hyphenated: boolean): string {
  // `data-driven`, `AI-powered`, `citizen-centred`: a participle closing a compound is adjectival.
  if (hyphenated && last.pos === 'VERB') return 'ADJ';
  const meaningful = (pos: string | undefined): boolean => pos !== undefined && pos !== 'NUM' && pos !== 'SYM' && pos !== 'PUNCT' && pos !== 'X';
  if (meaningful(last.pos)) return last.pos!;
  return meaningful(first.pos) ? first.pos! : (last.pos ?? 'X');
}

const isWordish = (piece: Piece): boolean => piece.kind === 'word' || piece.kind === 'number';

/**
 * Step 3: glue back what wink splits and the lexicon needs whole: hyphenated compounds
 * (`data-driven`, `state-of-the-art`, `self-styled`), and runs of word characters with no space
 * between them (`5G`, `CO₂`, `10.30pm`) unless wink split a contraction (`can` `not`, `do` `n't`).
 * The last piece is held while the next may still be glued to it; a hyphen after a word waits
 * for the piece after it.
 */
class Glue {
  private last: Piece | undefined;
  private hyphen: Piece | undefined;

  constructor(
    private readonly text: string,
    private readonly emit: Emit,
  ) {}

  push(piece: Piece): void {
    const { text } = this;
    if (this.hyphen) {
      const hyphen = this.hyphen;
      const last = this.last!;
      this.hyphen = undefined;
      if (hyphen.end === piece.start && isWordish(piece) && WORD_CHAR.test(text.charAt(piece.start))) {
        last.pos = compoundPos(last, piece, true);
        last.end = piece.end;
        last.kind = 'word';
        last.contraction = piece.contraction;
        return;
      }
      this.settle(hyphen);
    }
    const last = this.last;
    if (last && isWordish(last) && isWordish(piece) && last.end === piece.start && !last.contraction && !piece.contraction
      && WORD_CHAR.test(text.charAt(last.end - 1)) && WORD_CHAR.test(text.charAt(piece.start))) {
      const merged = text.slice(last.start, piece.end);
      last.pos = compoundPos(last, piece, false);
      last.end = piece.end;
      last.kind = LETTER.test(merged) ? 'word' : 'number';
      return;
    }
    if (last && piece.kind === 'punct' && HYPHENS.has(text.slice(piece.start, piece.end)) && last.end === piece.start && isWordish(last)
      && !last.contraction && LETTER.test(text.charAt(last.start))) {
      this.hyphen = piece;
      return;
    }
    this.settle(piece);
  }

  /** The pieces still held, at the end of the text. */
  flush(): void {
    if (this.hyphen) this.settle(this.hyphen);
    this.hyphen = undefined;
    if (this.last) this.emit(this.last);
    this.last = undefined;
  }

  /** `piece` is the new last one: the one before can no longer change. */
  private settle(piece: Piece): void {
    if (this.last) this.emit(this.last);
    this.last = piece;
  }
}

/**
 * Step 4: the long runs kept from wink, and whatever wink dropped or could not be aligned, are
 * scanned by the regex scanner, so that, as in French, only whitespace, control and format
 * characters fall between tokens.
 */
class FillGaps {
  private cursor = 0;

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
    private readonly emit: Emit,
  ) {}

  push(piece: Piece): void {
    this.fill(piece.start);
    this.emit(piece);
    this.cursor = piece.end;
  }

  /** The gap after the last piece, at the end of the text. */
  flush(): void {
    this.fill(this.text.length);
  }

  private fill(to: number): void {
    const { text } = this;
    for (let at = this.cursor; at < to; at++) {
      const code = text.charCodeAt(at);
      if (isUsualBlank(code)) continue; // the usual gaps, without a regex
      const gap = text.slice(at, to);
      if (BLANK.test(gap)) return;
      const parts = scan(gap, this.lang);
      for (let i = 0; i < parts.count; i++) {
        this.emit({ kind: parts.kind(i), start: parts.start(i) + at, end: parts.end(i) + at, contraction: false, opens: false });
      }
      return;
    }
  }
}

/**
 * English: wink-nlp tokens with exact offsets (rebuilt and verified), wink's sentences split
 * again at blank lines, and wink's universal POS tags.
 */
export function tokenizeEnglish(text: string, lang: Lang): RawTokenization {
  const tokens = new RawTokens();
  const sentences: Array<[number, number]> = [];
  let sentenceStart = 0;
  let previousEnd = 0;
  const gaps = new FillGaps(text, lang, (piece) => {
    // wink's sentence boundaries, and a blank line always ends a sentence (headings have no full stop).
    if (tokens.count > 0 && (piece.opens || hasBlankLine(text, previousEnd, piece.start))) {
      sentences.push([sentenceStart, tokens.count]);
      sentenceStart = tokens.count;
    }
    tokens.push(piece.kind, piece.start, piece.end, piece.pos);
    previousEnd = piece.end;
  });
  const glue = new Glue(text, (piece) => gaps.push(piece));
  const toGlue: Emit = (piece) => glue.push(piece);
  align(text, (piece) => refine(text, lang, piece, toGlue));
  glue.flush();
  gaps.flush();
  if (sentenceStart < tokens.count) sentences.push([sentenceStart, tokens.count]);
  return { tokens, sentences };
}
