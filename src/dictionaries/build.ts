import type { Dictionary } from './types.js';

/**
 * Builds a dictionary term by term: a term met twice keeps one row, and a category met twice
 * for a term keeps the higher weight (as a term counts once per category).
 */
export class DictionaryBuilder {
  private readonly categories: string[] = [];
  private readonly known = new Set<string>();
  private readonly terms = new Map<string, Map<string, number>>();

  /** Declare a category (in order); declaring it again changes nothing. */
  category(name: string): void {
    if (this.known.has(name)) return;
    this.known.add(name);
    this.categories.push(name);
  }

  hasCategory(name: string): boolean {
    return this.known.has(name);
  }

  /** Put `term` in `category` with `weight` (the category is declared if it was not). */
  add(term: string, category: string, weight: number): void {
    this.category(category);
    let weights = this.terms.get(term);
    if (!weights) {
      weights = new Map();
      this.terms.set(term, weights);
    }
    weights.set(category, Math.max(weight, weights.get(category) ?? weight));
  }

  build(): Dictionary {
    const order = new Map(this.categories.map((name, i) => [name, i]));
    return {
      categories: [...this.categories],
      terms: [...this.terms].map(([term, weights]) => ({
        term,
        categories: [...weights].sort((a, b) => order.get(a[0])! - order.get(b[0])!).map(([name, weight]) => ({ name, weight })),
      })),
    };
  }
}

/** A term with its words separated by single spaces. */
export function normalizeTerm(term: string): string {
  return term.trim().split(/\s+/u).join(' ');
}
