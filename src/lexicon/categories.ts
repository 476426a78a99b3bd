/**
 * Category labels: the bundled categories' (lexicons/categories.json), and those a custom
 * lexicon declares. Reports read a finding's category only, not the lexicon it came from, so
 * the labels of the custom lexicons compiled in this thread are kept here for them to fall
 * back on.
 */
import bundled from '../../lexicons/categories.json' with { type: 'json' };
import { CATEGORIES, type CategoryDeclaration, type Lang } from '../types.js';

const BUNDLED = bundled as Record<string, { fr: string; en: string; description: string }>;
const declared = new Map<string, CategoryDeclaration>();

/** Is `category` one of the nine bundled categories? */
export function isBundledCategory(category: string): boolean {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** Remember the categories a custom lexicon declares (a later declaration of an id wins). */
export function declareCategories(categories: Readonly<Record<string, CategoryDeclaration>>): void {
  for (const [id, declaration] of Object.entries(categories)) declared.set(id, declaration);
}

/** The label of a category in `lang`: the bundled one, the declared one, else the id itself. */
export function labelOfCategory(category: string, lang: Lang): string {
  const known = Object.hasOwn(BUNDLED, category) ? BUNDLED[category] : undefined;
  return known?.[lang] ?? declared.get(category)?.label ?? category;
}

/** The one-line description of a category: the bundled one, the declared one, else none. */
export function descriptionOfCategory(category: string): string {
  const known = Object.hasOwn(BUNDLED, category) ? BUNDLED[category] : undefined;
  return known?.description ?? declared.get(category)?.description ?? '';
}

/**
 * The ids of the categories the custom lexicons compiled in this thread declare, beyond the
 * bundled nine, sorted (code unit order): in a run, the main thread and each worker compile
 * the same lexicons, so they list the same ids in the same order.
 */
export function declaredCategoryIds(): string[] {
  return [...declared.keys()].filter((id) => !isBundledCategory(id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The label a custom lexicon declared for `category`, if one did. */
export function declaredCategoryLabel(category: string): string | undefined {
  return declared.get(category)?.label;
}

/** The description a custom lexicon declared for `category`, if one did. */
export function declaredCategoryDescription(category: string): string | undefined {
  return declared.get(category)?.description;
}
