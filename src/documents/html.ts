/**
 * HTML: the text of a page's article (`html-article.ts` finds it), with the page's metadata;
 * Markdown is read through `htmlToText` too. Scripts, styles, navigation and footers are
 * dropped, entities decoded, tables kept as aligned rows, non-breaking spaces made plain. The
 * HTML is only parsed for its text: nothing in it is ever run or fetched.
 */
import { createRequire } from 'node:module';
import type { HtmlToTextOptions } from 'html-to-text';
import { CorpusError } from '../errors.js';
import { decodeText } from './decode.js';
import { markDirectives, placeDirectives } from './directives.js';
import { htmlArticle } from './html-article.js';
import type { DocumentReader, ReadText } from './types.js';

// The parsers load on the first HTML or Markdown file: a folder of plain text never pays
// their start-up (about 60 ms and 25 MB in each thread).
const require = createRequire(import.meta.url);
const htmlToTextLib = (): typeof import('html-to-text') => require('html-to-text') as typeof import('html-to-text');
const htmlparser2 = (): typeof import('htmlparser2') => require('htmlparser2') as typeof import('htmlparser2');

/**
 * Deepest element nesting read. html-to-text recurses once per level and would overflow the
 * stack past about 1,500 levels, at a depth that differs between threads; refusing anything
 * deeper than this keeps results identical whether a file is read in a worker or not.
 */
export const MAX_HTML_DEPTH = 512;

const SKIPPED = ['script', 'style', 'noscript', 'template', 'nav', 'footer', 'svg', 'iframe', 'object', 'canvas', 'img', 'head'];

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  // The default limit truncates long pages with a console warning; maxBytes bounds the input instead.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'blockquote', format: 'block' },
  ],
};

/** Depth of the deepest element, as the HTML parser sees it (implicit closes included). */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new (htmlparser2().Parser)({
    onopentag() {
      depth++;
      if (depth > deepest) deepest = depth;
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
  return deepest;
}

function checkDepth(html: string, file: string): void {
  const depth = depthOf(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new CorpusError('EEXTRACT', file, `HTML elements nested ${depth} deep, more than the ${MAX_HTML_DEPTH} novlangue reads`);
  }
}

/** The body text of HTML, all of it (a page's article is `readHtmlPage`). */
export function htmlToText(html: string, file: string): string {
  checkDepth(html, file);
  // NBSP and narrow NBSP become plain spaces: in HTML they are layout as often as typography.
  return htmlToTextLib().convert(html, OPTIONS).replace(/[\u00a0\u202f]/g, ' ');
}

/** A page's article as text, its metadata, and the stretches its `novlangue-disable` comments cover. */
export function readHtmlPage(source: string, file: string): Omit<ReadText, 'encoding'> {
  // The depth is checked on the page as given, before any DOM is built from it.
  checkDepth(source, file);
  const marked = markDirectives(source);
  const article = htmlArticle(marked.source);
  const { text, suppressions } = placeDirectives(htmlToText(article.html, file), marked.directives);
  return { meta: article.meta, text, ...(suppressions.length > 0 ? { suppressions } : {}) };
}

export const html: DocumentReader = {
  extensions: ['.html', '.htm', '.xhtml'],
  named: ['.html', '.htm'],
  read(bytes, file) {
    const { text, encoding } = decodeText(bytes, file);
    return { encoding, ...readHtmlPage(text, file) };
  },
};
