/**
 * A document's JSON Lines line as UTF-8 bytes, written into a buffer reused from line to line:
 * the bytes of `jsonlLine` encoded, without making the line a string first. A line of ~25 KB
 * is a string of ~50 KB (the glosses' typographic apostrophes make it two-byte), then its
 * bytes and the encoder's own buffer: half of what a worker allocated per small file. With this
 * writer a pooled run over 10,000 small files scavenges a fifth less often.
 *
 * Strings go through `JSON.stringify`, so escaping is the engine's; the glosses, sections,
 * rule ids and categories that recur from finding to finding are stringified and encoded once.
 */
import type { Finding } from '../types.js';
import { jsonRecord } from '../report/tally.js';
import type { CorpusDocumentLean } from '../records.js';

/** Size of the reused buffer; a longer line gets a buffer of its own, dropped once taken. */
const KEPT_BYTES = 256 * 1024;

/** A growable byte buffer, reused line after line. */
class LineBuffer {
  private bytes = Buffer.allocUnsafe(KEPT_BYTES);
  private length = 0;

  /** Room for `more` bytes past the current end. */
  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(larger, 0, 0, this.length);
    this.bytes = larger;
  }

  /** Text whose characters are all below U+0100 and meant as such (JSON punctuation, numbers, ASCII). */
  latin1(text: string): void {
    this.room(text.length);
    this.length += this.bytes.write(text, this.length, 'latin1');
  }

  utf8(text: string): void {
    this.room(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The line written so far, as bytes of its own; the buffer starts again empty. */
  take(): Uint8Array {
    const line = new Uint8Array(this.bytes.subarray(0, this.length));
    this.length = 0;
    if (this.bytes.length > KEPT_BYTES) this.bytes = Buffer.allocUnsafe(KEPT_BYTES);
    return line;
  }
}

const buffer = new LineBuffer();

/** Strings that recur from finding to finding, as JSON in UTF-8. A custom lexicon's are few too; the bound is for safety. */
const RECURRING_LIMIT = 10_000;
const recurring = new Map<string, Uint8Array>();

function recurringString(text: string): void {
  let json = recurring.get(text);
  if (json === undefined) {
    if (recurring.size >= RECURRING_LIMIT) recurring.clear();
    json = Buffer.from(JSON.stringify(text));
    recurring.set(text, json);
  }
  buffer.raw(json);
}

/** A number as `JSON.stringify` writes it. */
const number = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');

/** One finding, its keys in the order `analyze()` creates them (the order `JSON.stringify` follows). */
function writeFinding(finding: Finding): void {
  const { range, place, tokens } = finding;
  const { start, end } = place;
  buffer.latin1('{"ruleId":');
  recurringString(finding.ruleId);
  buffer.latin1(',"kind":');
  recurringString(finding.kind);
  buffer.latin1(',"category":');
  recurringString(finding.category);
  buffer.latin1(
    `,"range":[${number(range[0])},${number(range[1])}],"place":{"start":{"line":${number(start.line)},"column":${number(start.column)},"offset":${number(start.offset)}},` +
      `"end":{"line":${number(end.line)},"column":${number(end.column)},"offset":${number(end.offset)}}},"actual":`,
  );
  buffer.utf8(JSON.stringify(finding.actual));
  buffer.latin1(',"stance":');
  recurringString(finding.stance);
  buffer.latin1(`,"weight":${number(finding.weight)},"role":`);
  recurringString(finding.role);
  buffer.latin1(',"message":');
  buffer.utf8(JSON.stringify(finding.message));
  buffer.latin1(',"note":');
  recurringString(finding.note);
  buffer.latin1(',"section":');
  recurringString(finding.section);
  buffer.latin1(',"tokens":[');
  for (let i = 0; i < tokens.length; i++) buffer.latin1(i === 0 ? number(tokens[i]!) : `,${number(tokens[i]!)}`);
  buffer.latin1(']}');
}

/**
 * The JSON Lines line of a document (with its `\n`) in UTF-8: `jsonlLine(result, { withText })`
 * encoded, byte for byte. The record's `findings`, then its `text`, are its last keys (see
 * `jsonRecord`); the keys before them are stringified as they are.
 */
export function jsonlBytes(result: CorpusDocumentLean, withText = false): Uint8Array {
  const { findings, text, ...head } = jsonRecord(result, withText) as Record<string, unknown> & { findings: Finding[]; text?: string };
  const opening = JSON.stringify(head);
  buffer.utf8(opening.length > 2 ? `${opening.slice(0, -1)},"findings":[` : '{"findings":[');
  for (let i = 0; i < findings.length; i++) {
    if (i > 0) buffer.latin1(',');
    writeFinding(findings[i]!);
  }
  buffer.latin1(']');
  if (text !== undefined) {
    buffer.latin1(',"text":');
    buffer.utf8(JSON.stringify(text));
  }
  buffer.latin1('}\n');
  return buffer.take();
}
