import { LexiconError } from '../errors.js';
import { compilePattern, PatternError, type Slot } from '../engine/pattern.js';
import { PatternSet, type StartIndex } from '../engine/sets.js';
import { declaredCategoryIds } from '../lexicon/categories.js';
import type { Lang } from '../types.js';
import type { RuleContext } from './context.js';
import type { Figure } from './types.js';

/** A compiled rule: a pure function from the analysis context to the figures it finds. */
export type RuleRunner = (ctx: RuleContext) => Figure[];

/** What a rule kind needs to compile a rule, and errors that name the file, the rule and the field. */
export class CompileEnv {
  constructor(
    readonly lang: Lang,
    readonly sets: Readonly<Record<string, string>>,
    readonly file: string,
    readonly ruleId: string,
    private readonly starts: StartIndex,
  ) {}

  /** A new pattern set, indexed with the other sets of the rule file. */
  newSet<T>(): PatternSet<T> {
    return new PatternSet<T>(this.starts);
  }

  /**
   * Compile `pattern`, the value of `field`; `extended` allows `@`, `#`, `!` and `*N` slots.
   * `@category:x` may name a category a custom lexicon declares (one compiled in this thread:
   * in a run, the lexicons are compiled before the rules, in every thread).
   */
  pattern(pattern: string, field: string, extended: boolean): Slot[] {
    try {
      return compilePattern(pattern, this.lang, { sets: this.sets, extended, categories: declaredCategoryIds() });
    } catch (error) {
      if (error instanceof PatternError) throw this.error(error.message, field);
      throw error;
    }
  }

  /** A `LexiconError` at `field` of this rule. */
  error(reason: string, field: string): LexiconError {
    return new LexiconError(this.file, reason, { entryId: this.ruleId, field });
  }
}
