/**
 * The text with its findings as nested `<mark>` elements, built node by node (never from an
 * HTML string: the text is a press release, not markup). Findings may overlap: a figure spans
 * the terms inside it, and two figures may cross. The text is cut at every start and end; each
 * piece sits inside the marks of the findings that cover it, outermost first, so a finding that
 * crosses another is split into several pieces. The first piece of each finding is the one to
 * reach with the keyboard; every piece carries the finding's rule and stance.
 */
import type { Finding } from '../src/types.js';

/** What the page attaches to a finding's first piece (focus, descriptions, handlers). */
export type DecorateMark = (mark: HTMLElement, finding: Finding, index: number) => void;

/** Outermost first: earlier start, then longer, then the order of `findings`. */
function byNesting(findings: readonly Finding[]): number[] {
  return findings
    .map((_, index) => index)
    .sort((a, b) => findings[a]!.range[0] - findings[b]!.range[0] || findings[b]!.range[1] - findings[a]!.range[1] || a - b);
}

export function renderAnnotated(container: HTMLElement, text: string, findings: readonly Finding[], decorate: DecorateMark): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const order = byNesting(findings);
  const cuts = new Set<number>([0, text.length]);
  for (const finding of findings) cuts.add(finding.range[0]).add(finding.range[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const stack: Array<{ index: number; element: HTMLElement }> = [];
  const started = new Set<number>();
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p]!;
    const to = points[p + 1]!;
    const covering = order.filter((index) => findings[index]!.range[0] <= from && findings[index]!.range[1] >= to);
    let keep = 0;
    while (keep < stack.length && keep < covering.length && stack[keep]!.index === covering[keep]) keep++;
    stack.length = keep;
    for (let k = keep; k < covering.length; k++) {
      const index = covering[k]!;
      const finding = findings[index]!;
      const mark = doc.createElement('mark');
      mark.dataset['rule'] = finding.ruleId;
      mark.dataset['stance'] = finding.stance;
      mark.dataset['category'] = finding.category;
      mark.dataset['finding'] = String(index);
      if (!started.has(index)) {
        started.add(index);
        decorate(mark, finding, index);
      } else {
        mark.dataset['part'] = 'continued';
      }
      (stack[k - 1]?.element ?? container).append(mark);
      stack.push({ index, element: mark });
    }
    (stack[stack.length - 1]?.element ?? container).append(doc.createTextNode(text.slice(from, to)));
  }
}
