/** Names and colours of categories in reports. */
import categories from '../../lexicons/categories.json' with { type: 'json' };
import { CATEGORIES, type Category } from '../types.js';
// Labels a custom lexicon declared, so that its own categories never crash a report.
import { declaredCategoryDescription, declaredCategoryLabel } from '../lexicon/categories.js';
import type { ReportLocale } from './locale.js';

/** The label of a category in words, e.g. `ecology as alibi`, `écologie-alibi`. */
export function categoryLabel(category: Category, locale: ReportLocale = 'en'): string {
  return categories[category]?.[locale] ?? declaredCategoryLabel(category) ?? category;
}

/** One line describing the category. */
export function categoryDescription(category: Category): string {
  return categories[category]?.description ?? declaredCategoryDescription(category) ?? '';
}

/** Index of a category in report order (used for CSS classes, never the input string itself). */
export function categoryIndex(category: Category): number {
  return CATEGORIES.indexOf(category);
}

/**
 * One colour per category, in report order (Okabe–Ito palette, readable by colour-blind
 * readers, plus a purple and a grey), and the ANSI colour closest to it.
 */
export const CATEGORY_COLORS: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7B4EA3', '#B8A400', '#6E6E6E'];
export const CATEGORY_ANSI: readonly number[] = [34, 33, 32, 35, 36, 31, 95, 93, 90];
