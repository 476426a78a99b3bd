/** Parsers of option values: each says what it received and what it expects. */
import { InvalidArgumentError, type Command } from 'commander';

/** The options typed on the command line (not defaults): they win over a config file. */
export function typedOptions(command: Command): Set<string> {
  return new Set(Object.keys(command.opts()).filter((key) => command.getOptionValueSource(key) === 'cli'));
}

/** `--jobs N`: an integer from 1 to `max`. */
export function parseJobs(max: number) {
  return (value: string): number => {
    const jobs = Number(value);
    if (!/^\d+$/.test(value) || jobs < 1 || jobs > max) throw new InvalidArgumentError(`expected a whole number of worker threads from 1 to ${max}.`);
    return jobs;
  };
}

/** `--fail-above SCORE`: a number from 0 to 100. */
export function parseScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) throw new InvalidArgumentError('expected a score from 0 to 100.');
  return score;
}

/** `--bootstrap N`, `--seed N`: a whole number from 0 to `max`. */
export function parseCountUpTo(max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) > max) throw new InvalidArgumentError(`expected a whole number from 0 to ${max}.`);
    return Number(value);
  };
}

/** `--top N`: a whole number, 0 or more. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 or more).');
  return Number(value);
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-bytes SIZE`: bytes, or with a binary suffix: `500k`, `50M`, `1G` (also `50MB`, `50MiB`). */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(value.trim());
  const bytes = match ? Math.floor(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new InvalidArgumentError('expected a size in bytes, like 1000000, 500k, 50M or 1G.');
  return bytes;
}

/** `--penalty X`: a number, 0 or more. */
export function parseNonNegative(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new InvalidArgumentError('expected a number, 0 or more.');
  return number;
}

/** A repeatable option (`--exclude-label a --exclude-label b`): every value, in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
