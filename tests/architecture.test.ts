/**
 * The layout of src/ as docs/ARCHITECTURE.md describes it: dependencies point one way, so that
 * each folder can be read, tested and changed with only the folders below it in mind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The files of src/ a file imports (static and dynamic imports of relative paths). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const source = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g)) {
    const target = normalize(join(dirname(file), match[1]!)).replace(/\.js$/, '.ts');
    if (known.has(target)) targets.push(target);
  }
  return targets;
}

/** The part of src/ a file belongs to: its top folder, or the file itself at the top. */
const partOf = (file: string): string => {
  const [first, second] = relative(SRC, file).split('/');
  return second === undefined ? first! : `${first}/`;
};

const files = sourceFiles(SRC);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

/** A cycle of the directed graph `edges`, as a list of its nodes, or undefined. */
function findCycle<T>(edges: ReadonlyMap<T, readonly T[]>): T[] | undefined {
  const state = new Map<T, 'open' | 'done'>();
  const stack: T[] = [];
  const visit = (node: T): T[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the layout of src/', () => {
  it('has no import cycle between files', () => {
    expect(findCycle(graph)?.map((file) => relative(SRC, file))).toBeUndefined();
  });

  it('has no cycle between folders: no two folders import each other, even through a third', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = partOf(file);
      const list = folders.get(from) ?? [];
      for (const target of targets) if (partOf(target) !== from && !list.includes(partOf(target))) list.push(partOf(target));
      folders.set(from, list);
    }
    expect(findCycle(folders)).toBeUndefined();
  });

  it('keeps the languages as data: src/languages imports nothing but types', () => {
    const outside = files
      .filter((file) => partOf(file) === 'languages/')
      .flatMap((file) => importsOf(file, known).filter((target) => partOf(target) !== 'languages/' && partOf(target) !== 'types.ts'));
    expect(outside.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('docs/ARCHITECTURE.md names every folder of src/', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const folders = [...new Set(files.map(partOf).filter((part) => part.endsWith('/')))];
    expect(folders.filter((folder) => !doc.includes(`src/${folder}`))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toBeUndefined();
  });
});
