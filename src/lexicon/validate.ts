import type { CategoryDeclaration, LexiconData } from '../types.js';
import { CATEGORIES } from '../types.js';
import { isBundledCategory } from './categories.js';
import { throwProblems, type LexiconProblem } from './problems.js';
import { lazyValidator, schemaProblems } from './schema.js';
import schema from '../../lexicons/schema.json' with { type: 'json' };

const lexiconSchema = lazyValidator<LexiconData>(schema, { allErrors: true });
const CATEGORY_ID = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/u;
/** The weights between 0 (switched off) and the least a counted entry may weigh. */
const MIN_WEIGHT = 0.25;

type Item = Record<string, unknown>;
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the schema cannot say: unique ids, known categories, no weight between 0 and 0.25. */
function meaningProblems(data: Item, inherited: Readonly<Record<string, CategoryDeclaration>>): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  const declared = isItem(data.categories) ? Object.keys(data.categories) : [];
  for (const id of declared) {
    if (isBundledCategory(id)) problems.push({ field: `categories.${id}`, reason: `"${id}" is a bundled category: use it without declaring it` });
  }
  const known = new Set<string>([...CATEGORIES, ...Object.keys(inherited), ...declared]);
  const entries = Array.isArray(data.entries) ? data.entries : [];
  const seen = new Set<string>();
  entries.forEach((entry: unknown, i) => {
    if (!isItem(entry)) return;
    const entryId = typeof entry.id === 'string' ? entry.id : `#${i}`;
    if (typeof entry.id === 'string') {
      if (seen.has(entry.id)) problems.push({ entryId, field: 'id', reason: 'duplicate id' });
      seen.add(entry.id);
    }
    if (typeof entry.category === 'string' && CATEGORY_ID.test(entry.category) && !known.has(entry.category)) {
      const own = declared.length > 0 ? `, or one declared in "categories" (${declared.map((id) => JSON.stringify(id)).join(', ')})` : ', or one declared in the file\'s "categories"';
      problems.push({ entryId, field: 'category', reason: `unknown category "${entry.category}": expected one of ${CATEGORIES.map((id) => JSON.stringify(id)).join(', ')}${own}` });
    }
    if (typeof entry.weight === 'number' && entry.weight > 0 && entry.weight < MIN_WEIGHT) {
      problems.push({ entryId, field: 'weight', reason: `must be 0 (to switch the entry off) or from ${MIN_WEIGHT} to 5, instead found ${entry.weight}` });
    }
  });
  return problems;
}

/**
 * Check `data` against `lexicons/schema.json`, then for duplicate ids, unknown categories and
 * weights the schema lets through. Every problem is reported at once, in one
 * `LexiconProblemsError` (a `LexiconError`). `inherited`: the categories declared by the
 * lexicons `data` extends, which its entries may use.
 */
export function validateLexiconData(data: unknown, file: string, inherited: Readonly<Record<string, CategoryDeclaration>> = {}): LexiconData {
  const problems = schemaProblems(lexiconSchema, data, 'entries');
  if (isItem(data)) problems.push(...meaningProblems(data, inherited));
  throwProblems(file, problems);
  return data as LexiconData;
}
