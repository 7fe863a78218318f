import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, runtimeImports, sourceFiles } from './source-tree';

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
