/**
 * A dropped or opened file as text to analyse. Plain text as it is; HTML through the browser's
 * own parser (a parsed document runs no script and fetches nothing), its main content picked by
 * @mozilla/readability as the CLI does, the page's body when Readability finds none; Markdown
 * rendered by marked, then read like HTML. The bytes are decoded as the CLI decodes them.
 */
import { Readability } from '@mozilla/readability';
import { marked } from 'marked';
import { decodeText } from '../src/documents/decode.js';

export type PageFormat = 'txt' | 'md' | 'html';

const EXTENSIONS: Record<string, PageFormat> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', xhtml: 'html' };

/** The format of a file by its name's extension; `undefined` for one the page does not read. */
export function formatOfName(name: string): PageFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[name.slice(dot + 1).toLowerCase()];
}

const SKIPPED = 'script, style, noscript, template, nav, footer, svg, iframe, object, embed, canvas, img, form, button, aside';
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'tr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr']);

/** The text of a node with its blocks as paragraphs: what a reader sees, without the layout. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node.nodeValue ?? '').replace(/\s+/gu, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const name = (node as Element).localName;
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push('\n\n');
    if (name === 'td' || name === 'th') parts.push(' ');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/[\u00a0\u202f]/gu, ' ')
    .trim();
}

/** The main content of an HTML page, as text. */
export function htmlText(html: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(page.querySelectorAll(SKIPPED))) element.remove();
  const article = new Readability(page.cloneNode(true) as Document, { charThreshold: 100, keepClasses: false }).parse();
  if (article?.content) {
    const text = blockText(new DOMParser().parseFromString(article.content, 'text/html').body);
    if (text.length > 0) return text;
  }
  return blockText(page.body);
}

/** Markdown as text: front matter dropped, rendered, read like HTML. */
export function markdownText(source: string): string {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
  return blockText(new DOMParser().parseFromString(marked.parse(body, { async: false }), 'text/html').body);
}

/** The text of a file's bytes, in its format. */
export function extractText(bytes: Uint8Array, name: string, format: PageFormat): string {
  const { text } = decodeText(bytes, name);
  if (format === 'html') return htmlText(text);
  if (format === 'md') return markdownText(text);
  return text;
}
