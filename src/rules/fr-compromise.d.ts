/**
 * The little of `fr-compromise` and `compromise` that novlangue uses. Their own typings do not
 * resolve cleanly under `moduleResolution: NodeNext`, and both are loaded lazily with
 * `createRequire` (see `pos.ts`), so this local declaration types what `require` returns.
 */

/** One term of a parsed text, as `View.json()` gives it. */
export interface CompromiseTerm {
  text: string;
  /** Tag names: `Adjective`, `FemaleAdjective`, `PastParticiple`, `Noun`… */
  tags: string[];
}

/** A parsed text. */
export interface CompromiseView {
  json(): Array<{ terms: CompromiseTerm[] }>;
}

/** The default export of `fr-compromise` and of `compromise`: parse and tag a text. */
export type Compromise = (text: string) => CompromiseView;
