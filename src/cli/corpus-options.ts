/** The corpus-run options every command that reads a corpus takes from its flags. */
import path from 'node:path';
import type { CorpusOptions } from '../corpus/types.js';
import type { CustomData, LexiconFlags } from './lexicon.js';

/** The flags of a corpus run: language and data (`LexiconFlags`), threads, size limit, report file. */
export interface CorpusRunFlags extends LexiconFlags {
  jobs: number;
  minPoolBytes?: number;
  maxBytes?: number;
  /** The report being written, never read as a document. */
  output?: string;
}

/** The `analyzeCorpus` options of those flags, with the custom data they name. */
export function corpusRunOptions(flags: CorpusRunFlags, custom: CustomData): CorpusOptions {
  return {
    lang: flags.lang,
    ...custom,
    ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
    jobs: flags.jobs,
    ...(flags.minPoolBytes !== undefined ? { minPoolBytes: flags.minPoolBytes } : {}),
    exclude: flags.output === undefined ? [] : [path.resolve(flags.output)],
  };
}
