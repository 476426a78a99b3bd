/**
 * The article of an HTML page, not the page around it. The page is parsed into a light DOM
 * (linkedom), its boilerplate taken out (cookie banners, navigation, site header, asides, share
 * buttons, "À lire aussi" blocks: `boilerplate.json`), then @mozilla/readability, Firefox's
 * reader view, picks the main content. When Readability finds nothing (a page of a few lines,
 * a list), the page's cleaned body is read instead: the boilerplate is gone either way.
 * Nothing in the page is run or fetched: the DOM is only walked.
 */
import { createRequire } from 'node:module';
import type { Meta } from '../records.js';
import boilerplate from './boilerplate.json' with { type: 'json' };
import { htmlMeta, type MetaDocument } from './html-meta.js';

const require = createRequire(import.meta.url);

/** The part of the DOM walked here: linkedom's elements, typed by what is used. */
interface DomElement {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly nextElementSibling: DomElement | null;
  textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  contains(other: DomElement): boolean;
  remove(): void;
}

interface DomDocument extends MetaDocument {
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

type ReadabilityClass = new (document: DomDocument, options: { charThreshold: number; keepClasses: boolean }) => { parse(): { content?: string | null; textContent?: string | null } | null };

// Loaded on the first HTML page: a folder of text files never pays for them.
const linkedom = (): { parseHTML(html: string): { document: DomDocument } } => require('linkedom') as { parseHTML(html: string): { document: DomDocument } };
const readability = (): ReadabilityClass => (require('@mozilla/readability') as { Readability: ReadabilityClass }).Readability;

/** What a page gives: its article as HTML, and what it says about itself. */
export interface HtmlArticle {
  /** The main content, as HTML to read as text. */
  html: string;
  /** `title`, `date`, `author`, `description`, where the page gives them (see `html-meta.ts`). */
  meta: Meta;
}

const CLASS_WORDS: ReadonlySet<string> = new Set(boilerplate.classWords);
const HEADINGS: readonly string[] = boilerplate.headings;
/** Below this many characters, Readability's own threshold for a paragraph of article. */
const READABILITY_CHARS = 100;

/** Lower-cased, whitespace folded, trailing punctuation dropped: how a heading is compared. */
const headingText = (text: string | null): string =>
  (text ?? '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s:.!?…»«"]+$/u, '');

const escapeText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** linkedom reads a fragment into a broken tree: give it a document to parse. */
const asDocument = (html: string): string => (/<html[\s>]|<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);

/** Share of an element's text inside links: near 1 for a list of links, near 0 for prose. */
function linkDensity(element: DomElement): number {
  const total = (element.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += (link.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

/** True when removing `element` would remove the article: it holds the headline, `<main>` or `<article>`. */
function holdsArticle(element: DomElement, headline: DomElement | null): boolean {
  if (['html', 'body', 'main', 'article'].includes(element.localName)) return true;
  if (headline !== null && element.contains(headline)) return true;
  return element.querySelector('main, article') !== null;
}

/** Words of an element's class and id, lower-cased. */
const wordsOf = (element: DomElement): string[] => `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);

/** Take the boilerplate out of the page, in place. */
function removeBoilerplate(document: DomDocument): void {
  const headline = document.querySelector('h1');
  const remove = (element: DomElement): void => {
    if (!holdsArticle(element, headline)) element.remove();
  };
  for (const element of Array.from(document.querySelectorAll(boilerplate.elements.join(', ')))) remove(element);
  for (const element of Array.from(document.querySelectorAll(boilerplate.roles.map((role) => `[role="${role}"]`).join(', ')))) remove(element);
  // The site's header, not an article's own <header> (which holds its title and date).
  for (const element of Array.from(document.querySelectorAll('header'))) {
    let above = element.parentElement;
    while (above !== null && above.localName !== 'article' && above.localName !== 'main') above = above.parentElement;
    if (above === null) remove(element);
  }
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (element.parentElement !== null && wordsOf(element).some((word) => CLASS_WORDS.has(word))) remove(element);
  }
  // "À lire aussi" and its kin: the block it opens, when that block is mostly links.
  for (const heading of Array.from(document.querySelectorAll('h2, h3, h4, h5, h6, p, strong, span, div'))) {
    if (heading.parentElement === null || heading.children.length > 1) continue;
    const text = headingText(heading.textContent);
    if (!HEADINGS.includes(text)) continue;
    const block = heading.parentElement;
    if (!holdsArticle(block, headline) && linkDensity(block) > 0.5) {
      block.remove();
      continue;
    }
    const next = heading.nextElementSibling;
    if (next !== null && linkDensity(next) > 0.5) next.remove();
    heading.remove();
  }
}

/**
 * The article of a page and its metadata.
 * @param html the page's markup (a fragment is read as a page's body)
 */
export function htmlArticle(html: string): HtmlArticle {
  const { document } = linkedom().parseHTML(asDocument(html));
  const meta = htmlMeta(document);
  removeBoilerplate(document);
  const headline = document.querySelector('h1');
  const headlineText = headline?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const body = document.body?.innerHTML ?? '';
  let article: { content?: string | null; textContent?: string | null } | null = null;
  try {
    // Readability changes the DOM it reads: the body was kept above for the fallback.
    article = new (readability())(document, { charThreshold: READABILITY_CHARS, keepClasses: false }).parse();
  } catch {
    article = null; // a page Readability cannot handle is read whole, boilerplate removed
  }
  const content = article?.content ?? '';
  if (content === '' || (article?.textContent ?? '').trim() === '') return { html: body, meta };
  // Readability drops the headline when it repeats the title: it is the author's voice too.
  const folded = (article?.textContent ?? '').replace(/\s+/g, ' ');
  return { html: headlineText !== '' && !folded.includes(headlineText) ? `<h1>${escapeText(headlineText)}</h1>\n${content}` : content, meta };
}
