import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../helpers/paths';

export const SRC = join(PROJECT_ROOT, 'src');

/** Every TypeScript source file under `dir`, as paths relative to the project. */
export function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) out.push(relative(PROJECT_ROOT, path));
  }
  return out.sort();
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;

/** The project files `file` imports at run time (type-only imports are erased, so they do not count). */
export function runtimeImports(file: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    if (match[1]) continue;
    const base = resolve(PROJECT_ROOT, dirname(file), match[2]!);
    const target = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
    if (target) found.push(relative(PROJECT_ROOT, target));
  }
  return found;
}

export function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, runtimeImports(file)]));
}

/** Each import cycle once, as the files along it. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}
