import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths';
import { importCycles, importGraph, runtimeImports, sourceFiles, SRC } from './source-tree';

describe('the source tree', () => {
  it('has no import cycles', () => {
    expect(importCycles(importGraph(sourceFiles()))).toEqual([]);
  });

  it('reads imports and finds cycles (the check itself works)', () => {
    expect(runtimeImports('src/main/handlers.ts')).toContain('src/main/handlers/articles.ts');
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

const RENDERER_LIMIT = 250;

describe('the renderer', () => {
  it(`keeps every file (translations aside) within ${RENDERER_LIMIT} lines`, () => {
    const long = sourceFiles(join(SRC, 'renderer'))
      .filter((file) => !file.includes('/i18n/'))
      .map((file) => ({ file, lines: readFileSync(join(PROJECT_ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > RENDERER_LIMIT);
    expect(long).toEqual([]);
  });
});
