import { isHardBreak } from '../../engine/match.js';
import { fills, type Slot } from '../../engine/pattern.js';
import { FormMemo, type TokenForm } from '../../tokenize/index.js';
import type { Category } from '../../types.js';
import type { CompileEnv, RuleRunner } from '../env.js';
import { isAdjectiveForm } from '../pos.js';
import type { EnumerationRule, Figure } from '../types.js';

/**
 * `enumeration`: three or more short items coordinated by commas and `et`/`ou` ("une ville
 * collaborative, contributive, disruptive, inclusive, créative"), at least `minTerms` of them
 * lexicon terms of the given categories, the others adjectives.
 *
 * An item is qualified by its head, its first word that is not a modifier (`plus`, `très`,
 * `à`): the head is covered by a term of the categories, or is an adjective (the token's part
 * of speech, the rule's `adjectives`, or the fr-compromise / compromise tagger). The first item
 * of a run is the shortest qualified end of its segment ("une ville *collaborative*"), the last
 * one may stop after its head ("et *accessible* pour tous les habitants du quartier").
 *
 * The tagger is slow, so it only runs on stretches of sentences that hold enough terms and
 * enough separators, only when an item is not already a term, and once per word form.
 */

interface Item {
  first: number;
  end: number;
  /** Term index when a term qualifies the item, else -1. */
  term: number;
  head: number;
}

interface Segment {
  from: number;
  to: number;
}

function wordList(expressions: readonly string[] | undefined, field: string, env: CompileEnv): Slot[] {
  return (expressions ?? []).map((expression, i) => {
    const slots = env.pattern(expression, `${field}[${i}]`, false);
    if (slots.length !== 1 || slots[0]!.optional) throw env.error(`"${expression}" must be one token (alternatives allowed)`, `${field}[${i}]`);
    return slots[0]!;
  });
}

export function compileEnumeration(rule: EnumerationRule, env: CompileEnv): RuleRunner {
  const coordinators = wordList(rule.coordinators, 'coordinators', env);
  const modifiers = wordList(rule.modifiers, 'modifiers', env);
  const adjectives = wordList(rule.adjectives, 'adjectives', env);
  const categories: ReadonlySet<Category> | undefined = rule.categories ? new Set(rule.categories) : undefined;
  const minItems = rule.minItems ?? 3;
  const minTerms = rule.minTerms ?? 2;
  const maxItemWords = rule.maxItemWords ?? 4;
  const lang = env.lang;
  // Asked of most tokens of the sentences that hold terms: remembered per token form.
  const anyFillsOf = (slots: readonly Slot[]): FormMemo<boolean> =>
    new FormMemo((form: TokenForm) => {
      for (const slot of slots) if (fills(slot, form)) return true;
      return false;
    });
  const isCoordinator = anyFillsOf(coordinators);
  const isModifierForm = anyFillsOf(modifiers);
  const isListedAdjective = anyFillsOf(adjectives);

  return (ctx) => {
    const { tokens, termCover, termStart, termCategory, termEnd, wordsBefore } = ctx;
    const figures: Figure[] = [];
    const allowed = (term: number): boolean => term >= 0 && (!categories || categories.has(termCategory[term]!));
    const isSeparator = (t: number): boolean => {
      const form = tokens.forms[t]!;
      if (form.kind === 'punct') return form.text === ',';
      return form.kind === 'word' && termCover[t]! < 0 && isCoordinator.get(form);
    };
    const isModifier = (t: number): boolean => isModifierForm.get(tokens.forms[t]!);
    const words = (from: number, to: number): number => wordsBefore[to]! - wordsBefore[from]!;
    const isEdge = (t: number): boolean => {
      const kind = tokens.forms[t]!.kind;
      return kind === 'punct' || kind === 'quote' || kind === 'footnote';
    };

    const isAdjective = (t: number): boolean => {
      const form = tokens.forms[t]!;
      if (isListedAdjective.get(form)) return true;
      const pos = tokens.tags[t];
      if (pos !== undefined) return pos === 'ADJ';
      return isAdjectiveForm(form.norm, lang);
    };

    const processRegion = (r0: number, r1: number): void => {
      /** -1 (no), a term index (qualified by a term), or -2 (an adjective). */
      const qualify = (t: number): number => {
        const term = termCover[t]!;
        if (allowed(term)) return term;
        return isAdjective(t) ? -2 : -1;
      };
      const firstHead = (from: number, to: number): number => {
        for (let t = from; t < to; t++) if (tokens.forms[t]!.kind === 'word' && !isModifier(t)) return t;
        return -1;
      };
      const trimmed = (from: number, to: number): [number, number] => {
        while (from < to && isEdge(from)) from++;
        while (to > from && isEdge(to - 1)) to--;
        return [from, to];
      };
      const whole = (segment: Segment): Item | undefined => {
        if (words(segment.from, segment.to) > maxItemWords) return undefined;
        const head = firstHead(segment.from, segment.to);
        if (head < 0) return undefined;
        const term = qualify(head);
        if (term === -1) return undefined;
        const [first, end] = trimmed(segment.from, segment.to);
        return { first, end, term, head };
      };
      const prefix = (segment: Segment): Item | undefined => {
        const head = firstHead(segment.from, segment.to);
        if (head < 0) return undefined;
        const term = qualify(head);
        if (term === -1) return undefined;
        const end = term >= 0 ? Math.min(termEnd[term]!, segment.to) : head + 1;
        const [first] = trimmed(segment.from, end);
        if (words(first, end) > maxItemWords) return undefined;
        return { first, end, term, head };
      };
      const suffix = (segment: Segment): Item | undefined => {
        const [, end] = trimmed(segment.from, segment.to);
        for (let t = end - 1; t >= segment.from && words(t, end) <= maxItemWords; t--) {
          if (tokens.forms[t]!.kind !== 'word' || isModifier(t)) continue;
          const term = qualify(t);
          if (term === -1) continue;
          let first = t;
          if (term >= 0) {
            const start = ctx.input.terms[term]!.tokens[0]!;
            if (start >= segment.from) first = start;
          }
          if (words(first, end) > maxItemWords) return undefined;
          return { first, end, term, head: t };
        }
        return undefined;
      };

      const segments: Segment[] = [];
      let from = r0;
      for (let t = r0; t <= r1; t++) {
        if (t < r1 && !isSeparator(t)) continue;
        if (words(from, t) > 0) segments.push({ from, to: t });
        from = t + 1;
      }
      if (segments.length < minItems) return;
      // Each item qualified by a term holds that term in its own segment: with fewer segments
      // holding a term than `minTerms`, no run can qualify, and the tagger need not be asked.
      let termSegments = 0;
      for (const segment of segments) {
        for (let t = segment.from; t < segment.to; t++) {
          if (allowed(termCover[t]!)) {
            termSegments++;
            break;
          }
        }
      }
      if (termSegments < minTerms) return;

      let i = 0;
      while (i < segments.length) {
        const opening = suffix(segments[i]!);
        if (!opening) {
          i++;
          continue;
        }
        const items = [opening];
        let j = i + 1;
        let endedByPrefix = false;
        while (j < segments.length) {
          const item = whole(segments[j]!);
          if (item) {
            items.push(item);
            j++;
            continue;
          }
          const closing = prefix(segments[j]!);
          if (closing) {
            items.push(closing);
            endedByPrefix = true;
            j++;
          }
          break;
        }
        if (!endedByPrefix && items.length > 1) {
          // The last item stops after its head: "… et *durable* pour tous", "… and *sustainable* city".
          items[items.length - 1] = prefix(segments[j - 1]!)!;
          endedByPrefix = true;
        }
        if (items.length >= minItems && items.filter((item) => item.term >= 0).length >= minTerms) {
          const triggers: number[] = [];
          for (const item of items) {
            if (item.term < 0) triggers.push(item.head);
            else for (let t = item.first; t < item.end; t++) if (termCover[t] === item.term) triggers.push(t);
          }
          figures.push({ first: items[0]!.first, end: items[items.length - 1]!.end, triggers });
        }
        i = endedByPrefix && j - 1 > i ? j - 1 : Math.max(j, i + 1);
      }
    };

    for (const sentence of ctx.scanned) {
      // Cheap pre-filters: enough terms of the categories (a typed array), then enough separators.
      let terms = 0;
      for (let t = sentence.tokenStart; t < sentence.tokenEnd && terms < minTerms; t++) if (allowed(termStart[t]!)) terms++;
      if (terms < minTerms) continue;
      let separators = 0;
      for (let t = sentence.tokenStart; t < sentence.tokenEnd && separators < minItems - 1; t++) if (isSeparator(t)) separators++;
      if (separators < minItems - 1) continue;
      let r0 = sentence.tokenStart;
      for (let t = sentence.tokenStart; t <= sentence.tokenEnd; t++) {
        if (t < sentence.tokenEnd && !isHardBreak(tokens.forms[t]!)) continue;
        if (t > r0) processRegion(r0, t);
        r0 = t + 1;
      }
    }
    return figures;
  };
}
