/** `novlangue kwic <query> <paths...>`: a concordance of a rule, a category or a phrase. */
import { parseQuery } from '../concordance/query.js';
import { concordance, type KwicSort } from '../concordance/kwic.js';
import { formatConcordance, type KwicFormat } from '../concordance/format.js';
import { NovlangueError } from '../errors.js';
import { LANGS } from '../languages/index.js';
import { bundledLexicon } from '../lexicon/bundled.js';
import { bundledRules } from '../rules/load.js';
import type { Lang } from '../types.js';
import { EXIT, UsageError } from './errors.js';
import { customFromFlags, type CustomData } from './lexicon.js';
import { corpusRunOptions } from './corpus-options.js';
import { noteFailures, readCorpus, writeReport, type CorpusReadFlags } from './terms.js';

export interface KwicFlags extends CorpusReadFlags {
  format: KwicFormat;
  width: number;
  sort: KwicSort;
}

/** Every rule id the analysis can give: lexicon entries and pattern rules, custom data included. */
function knownRuleIds(custom: CustomData, lang: Lang | 'auto'): Set<string> {
  const ids = new Set<string>();
  for (const code of lang === 'auto' ? LANGS : [lang]) {
    const lexicon = custom.lexicon?.find((own) => own.lang === code) ?? bundledLexicon(code);
    const rules = custom.rules?.lang === code ? custom.rules : bundledRules(code);
    for (const entry of lexicon.entries) ids.add(entry.ruleId);
    for (const rule of rules.rules) ids.add(rule.ruleId);
  }
  return ids;
}

/** Run `kwic`; resolves to the exit status. */
export async function runKwic(query: string, paths: readonly string[], flags: KwicFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('no input: give files, folders or globs after the query, e.g. `novlangue kwic surveillance corpus/`.');
  let parsed;
  try {
    parsed = parseQuery(query);
  } catch (error) {
    if (error instanceof NovlangueError && error.code === 'EQUERY') throw new UsageError(error.message.replace(/^novlangue: /u, ''), { cause: error });
    throw error;
  }
  const custom = await customFromFlags(flags);
  if (parsed.kind === 'rule' && !knownRuleIds(custom, flags.lang).has(parsed.ruleId)) {
    throw new UsageError(`no rule or lexicon entry has the id ${JSON.stringify(parsed.ruleId)}; \`novlangue rules\` lists them (to search for the words, write them without the language prefix).`);
  }
  const { documents, failures } = await readCorpus(paths, corpusRunOptions(flags, custom));
  const hits = concordance(documents, parsed, { width: flags.width, sort: flags.sort });
  await writeReport(formatConcordance(hits, flags.format, { query: parsed.text, kind: parsed.kind, documents: documents.length }), flags.output);
  noteFailures(failures, flags.quiet);
  if (!flags.quiet && hits.length === 0 && flags.format !== 'text') process.stderr.write(`novlangue: no hit of ${JSON.stringify(parsed.text)} in ${documents.length} document${documents.length === 1 ? '' : 's'}.\n`);
  return EXIT.ok;
}
