/**
 * novlangue: critical discourse analysis of smart-city rhetoric.
 *
 * The public API is exactly what this file exports; everything else is internal.
 * @packageDocumentation
 */
export { analyze, compareFindings, type AnalyzeOptions } from './analyze.js';
export { tokenize, type Tokens } from './tokenize/public.js';
export { bundledLexicon } from './lexicon/bundled.js';
export { extendLexicon, loadLexicon, type CompiledEntry, type Lexicon } from './lexicon/compile.js';
export { MIN_WORDS, SATURATION, STANCE_FACTOR, scoreOf } from './score/score.js';
export { LexiconError, NovlangueError } from './errors.js';
export {
  CATEGORIES,
  type Analysis,
  type Category,
  type CategoryStats,
  type DocumentStance,
  type EntryContext,
  type Finding,
  type Lang,
  type LexiconData,
  type LexiconEntry,
  type Place,
  type Point,
  type Range,
  type Sentence,
  type Stance,
  type Token,
  type TokenKind,
} from './types.js';
export * from './lang/public.js';
export * from './corpus/public.js';
export * from './patterns/public.js';
