/**
 * What a run is set to do and what it yields per file, and `finish`, which makes a record its
 * report line. Nothing here analyses: the main thread of a pooled run imports this module and
 * never the analyser, which only its workers need (franc alone builds trigram tables for every
 * language it knows on import: a pooled run over 10,000 files peaks 6 to 8 MB lower without).
 */
import { lexiconToData } from '../lexicon/data.js';
import { lexiconList, type LexiconOption } from '../lexicon/per-lang.js';
import type { RuleSet } from '../rules/load.js';
import type { RulesData } from '../rules/types.js';
import type { ScoreWeights } from '../score/score.js';
import type { StanceData, StanceMarkers } from '../stance/markers.js';
import type { Lang, LexiconData } from '../types.js';
import { recordLine, type LineFormat, type RecordLine } from './lines.js';
import type { CorpusResult } from '../records.js';

/** Settings shared by every file of a run; plain data, so workers receive them once. */
export interface RunSettings {
  lang: Lang | 'auto';
  maxBytes: number;
  /**
   * The custom lexicons as data, one per language, in the order given (`undefined`: the
   * bundled ones), recompiled once per worker.
   */
  lexicon: Array<{ data: LexiconData; label: string }> | undefined;
  /** Custom pattern rules as data (`undefined`: the bundled ones), recompiled once per worker. */
  rules: { data: RulesData; label: string } | undefined;
  /** Custom stance markers as data (`undefined`: the bundled ones), recompiled once per worker. */
  stance: { data: StanceData; label: string } | undefined;
  /** Category multipliers of the score (`undefined`: none), as plain data. */
  weights: ScoreWeights | undefined;
  /** Rule ids whose findings are left out and counted as suppressed (`CorpusOptions.disable`). */
  disable?: readonly string[] | undefined;
  /** Records without tokens and sentences (see `leanResult`): what reports need. */
  lean: boolean;
  /** Streamed runs: each record as its report line (`RecordLine`) instead of an object. */
  line: LineFormat | undefined;
}

/** What a run yields per file: a record, or in streamed runs its line. */
export type RunOutput = CorpusResult | RecordLine;

/** Compiled lexicons (one, or one per language) back to the data they were compiled from, entry order kept (it breaks ties). */
export function lexiconData(option: LexiconOption): RunSettings['lexicon'] {
  return lexiconList(option).map((lexicon) => ({ data: lexiconToData(lexicon), label: lexicon.sources.join(' + ') }));
}

/** Compiled rules back to the data they were compiled from, rule order kept. */
export function rulesData(rules: RuleSet): RunSettings['rules'] {
  return { data: { lang: rules.lang, sets: { ...rules.sets }, rules: rules.rules.map((rule) => rule.data) }, label: rules.sources.join(' + ') };
}

/** Compiled stance markers back to the data they were compiled from. */
export function stanceData(markers: StanceMarkers): RunSettings['stance'] {
  return { data: { lang: markers.lang, classes: [...markers.classes] }, label: markers.sources.join(' + ') };
}

/** A record as the run yields it: itself, or its report line. */
export function finish(result: CorpusResult, settings: RunSettings): RunOutput {
  return settings.line ? recordLine(result, settings.line) : result;
}
