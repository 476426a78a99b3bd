/**
 * The questions to ask the city: for each category of novlangue, a few concrete questions a
 * reader can put to the people behind a project (who operates the data, what contract, what
 * was asked of residents, what it consumes…), each grounded in a section of the essay. The
 * wording is data (`lexicons/questions.json`); this module only picks it.
 */
import data from '../../lexicons/questions.json' with { type: 'json' };
import { describeValue } from '../errors.js';
import { isLang, langList } from '../languages/index.js';
import { CATEGORIES, type Analysis, type Category, type Lang } from '../types.js';

/** One question to ask, in one language. */
export interface Question {
  /** `<category>.<id>`, stable across languages: `surveillance.consentement`. */
  id: string;
  category: Category;
  /** The question, in the language asked for. */
  text: string;
  /** The section of the essay that grounds the question. */
  section: string;
}

interface QuestionData {
  id: string;
  section: string;
  fr: string;
  en: string;
}

// Checked against lexicons/questions.schema.json by tests/questions.test.ts, like the lexicons:
// not at run time, so the browser page does not carry the schema validator.
const { title: TITLE, questions: QUESTIONS } = data as unknown as { title: Record<Lang, string>; questions: Record<Category, QuestionData[]> };

const received = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : describeValue(value));

/**
 * The questions to ask about a category of novlangue, in `lang`, in their file order.
 * @throws {TypeError} when `category` is not a category or `lang` not a language of novlangue
 */
export function questionsFor(category: Category, lang: Lang): Question[] {
  if (!CATEGORIES.includes(category)) {
    throw new TypeError(`novlangue: questionsFor() expects a category (${CATEGORIES.join(', ')}), instead received ${received(category)}.`);
  }
  if (!isLang(lang)) {
    throw new TypeError(`novlangue: questionsFor() expects lang ${langList()}, instead received ${received(lang)}.`);
  }
  return QUESTIONS[category].map((question) => ({ id: `${category}.${question.id}`, category, text: question[lang], section: question.section }));
}

/** The heading of the questions in `lang`: « Questions à poser », “Questions to ask”. */
export function questionsTitle(lang: Lang): string {
  return TITLE[lang];
}

/** The categories an analysis (or a corpus total) found at least once, in report order. */
export function categoriesFound(categories: Readonly<Record<Category, { count: number }>>): Category[] {
  return CATEGORIES.filter((category) => categories[category].count > 0);
}

/** The questions for every category `analysis` found, grouped by category, in report order. */
export function questionsForAnalysis(analysis: Pick<Analysis, 'categories'>, lang: Lang): Array<{ category: Category; questions: Question[] }> {
  return categoriesFound(analysis.categories).map((category) => ({ category, questions: questionsFor(category, lang) }));
}
