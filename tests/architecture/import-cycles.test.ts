/**
 * No module imports itself through others: the source folders have no import cycle, type
 * imports included (issue 10: the repositories audit, context, idempotency, submissions and
 * versions imported each other in a circle; now `context.ts` holds types only, `writeAudited`
 * lives in `audit.ts` and the version cache in `version-cache.ts`).
 *
 * The imports are read with the TypeScript compiler's own pre-processor (`preProcessFile`),
 * which sees `import`, `import type`, `export … from`, `require` and `import()` alike; only
 * relative imports are followed (`#core` and packages lead out of the folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
/** Every folder of sources (tests and generated code aside). */
const FOLDERS = ['shared/src', 'io', 'service/src', 'cli', 'addin/src', 'web/src'];
const SKIPPED = new Set(['generated', 'node_modules', 'dist']);

function sourcesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) found.push(...sourcesUnder(full));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** The import graph of some files (absolute path → source text), relative imports only. */
function importGraph(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets: string[] = [];
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), imported.fileName);
      const stem = base.replace(/\.js$/, '');
      const target = [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts')].find((c) =>
        files.has(c),
      );
      if (target !== undefined) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The groups of files that reach each other (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle, type imports included (the check can fail)', () => {
    // The circle issue 10 found, in small: context imports audit, audit imports context's type.
    const files = new Map([
      ['/x/context.ts', "import { appendAudit } from './audit';"],
      ['/x/audit.ts', "import type { RepositoryContext } from './context';"],
      ['/x/users.ts', "import { writeAudited } from './audit';"],
    ]);
    expect(importCycles(importGraph(files))).toEqual([['/x/audit.ts', '/x/context.ts']]);
  });

  it('finds none in the sources', () => {
    const files = new Map<string, string>();
    for (const folder of FOLDERS)
      for (const file of sourcesUnder(path.join(ROOT, folder)))
        files.set(file, readFileSync(file, 'utf8'));
    // The repositories alone are a few dozen files: a wrong folder would find nothing to check.
    expect(files.size).toBeGreaterThan(100);
    const cycles = importCycles(importGraph(files)).map((group) =>
      group.map((file) => path.relative(ROOT, file)),
    );
    expect(cycles).toEqual([]);
  });
});
