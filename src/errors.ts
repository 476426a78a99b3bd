/**
 * Every error novlangue throws on purpose is a `NovlangueError`, so callers can tell
 * "the input or the data is wrong" from a bug. Subclasses carry the context a user needs
 * to fix the problem (which file, which entry, which field).
 */
export class NovlangueError extends Error {
  /** Stable machine-readable code, e.g. `ELEXICON`, `EINPUT`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NovlangueError';
    this.code = code;
  }
}

/** A lexicon or rule file that does not validate: names the file, the entry and the field. */
export class LexiconError extends NovlangueError {
  readonly file: string;
  readonly entryId: string | undefined;
  readonly field: string | undefined;

  constructor(file: string, reason: string, where: { entryId?: string | undefined; field?: string | undefined } = {}) {
    const at = [where.entryId && `entry "${where.entryId}"`, where.field && `field "${where.field}"`]
      .filter(Boolean)
      .join(', ');
    super('ELEXICON', `${file}${at ? ` (${at})` : ''}: ${reason}`);
    this.name = 'LexiconError';
    this.file = file;
    this.entryId = where.entryId;
    this.field = where.field;
  }
}

/** Describes a received value for error messages: `a number (42)`, `undefined`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'number' || type === 'boolean' || type === 'bigint') return `a ${type} (${String(value)})`;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
