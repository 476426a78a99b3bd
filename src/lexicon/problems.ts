import { LexiconError } from '../errors.js';

/** One thing wrong with a lexicon file: where (entry, field) and what. */
export interface LexiconProblem {
  entryId?: string | undefined;
  field?: string | undefined;
  reason: string;
}

/** Where a problem is, as messages write it: `entry "x", field "y"`. */
function placeOf(problem: LexiconProblem): string {
  return [problem.entryId && `entry "${problem.entryId}"`, problem.field && `field "${problem.field}"`].filter(Boolean).join(', ');
}

/**
 * A lexicon file with one problem or more, all of them found in one pass so that a user fixes
 * them at once. With one problem the message is that of a `LexiconError`; with several, one
 * line each. `entryId` and `field` are those of the first problem.
 */
export class LexiconProblemsError extends LexiconError {
  readonly problems: readonly LexiconProblem[];

  constructor(file: string, problems: readonly LexiconProblem[]) {
    const first = problems[0] ?? { reason: 'invalid lexicon' };
    super(file, first.reason, first);
    this.name = 'LexiconError';
    this.problems = problems;
    if (problems.length > 1) {
      const lines = problems.map((problem) => {
        const at = placeOf(problem);
        return `  ${at ? `${at}: ` : ''}${problem.reason}`;
      });
      this.message = `${file}: ${problems.length} problems:\n${lines.join('\n')}`;
    }
  }
}

/** Throw the problems found, if any. */
export function throwProblems(file: string, problems: readonly LexiconProblem[]): void {
  if (problems.length > 0) throw new LexiconProblemsError(file, problems);
}
