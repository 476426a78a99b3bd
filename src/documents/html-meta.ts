/**
 * An HTML page's own metadata, read like a Markdown front matter: `title` (`og:title`, else
 * `<title>`, else the first `<h1>`), `date` (`article:published_time`, `<meta name="date">`
 * and its Dublin Core kin, else the first `<time datetime>`), `author`, `description` and
 * `lang` (`<html lang>`, else `<meta http-equiv="content-language">`, as the page writes it).
 * The language is recorded, not obeyed: the analysis detects it from the text (see docs/API.md).
 * Only fields the page gives are set; a sidecar still wins field by field.
 */
import type { Meta } from '../records.js';

/** An element as read here. */
interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The part of a DOM document read here (linkedom's, or a browser's). */
export interface MetaDocument {
  documentElement?: MetaElement | null;
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): Iterable<MetaElement>;
}

/** Where each field is looked for, first found wins: `meta` attribute values, then elements. */
const SOURCES: ReadonlyArray<{ field: string; metas: readonly string[]; elements?: readonly string[] }> = [
  { field: 'title', metas: ['og:title', 'twitter:title', 'dc.title', 'dcterms.title'], elements: ['title', 'h1'] },
  { field: 'date', metas: ['article:published_time', 'date', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.issued', 'pubdate', 'publish-date'], elements: ['time[datetime]'] },
  { field: 'author', metas: ['author', 'article:author', 'dc.creator', 'dcterms.creator'] },
  { field: 'description', metas: ['description', 'og:description', 'dc.description', 'dcterms.description'] },
];

/** Whitespace folded, NBSP made plain, as in the text. */
const fold = (value: string): string => value.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Every `<meta>` of the page by lower-cased `name` or `property`, the first of each kept. */
function metaTable(document: MetaDocument): Map<string, string> {
  const table = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = fold(element.getAttribute('content') ?? '');
    if (key !== '' && content !== '' && !table.has(key)) table.set(key, content);
  }
  return table;
}

/** The metadata fields a page gives about itself. */
export function htmlMeta(document: MetaDocument): Meta {
  const metas = metaTable(document);
  const meta: Meta = {};
  for (const { field, metas: keys, elements = [] } of SOURCES) {
    let value: string | undefined;
    for (const key of keys) value ??= metas.get(key);
    for (const selector of elements) {
      if (value !== undefined) break;
      const element = document.querySelector(selector);
      const found = fold(selector.endsWith('[datetime]') ? (element?.getAttribute('datetime') ?? '') : (element?.textContent ?? ''));
      if (found !== '') value = found;
    }
    if (value !== undefined) meta[field] = value;
  }
  const lang = fold(document.documentElement?.getAttribute('lang') ?? metas.get('content-language') ?? '');
  if (lang !== '') meta['lang'] = lang;
  return meta;
}
