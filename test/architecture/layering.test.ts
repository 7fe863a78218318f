import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

/** The import-restriction messages ESLint gives `code` as if it were the file at `filePath`. */
async function restrictions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering rule', () => {
  it.each([
    ['src/main/handlers.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/handlers/articles.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/handlers/articles.ts', "import { registerIpc } from '../app/ipc';\nexport const x = registerIpc;\n"],
    ['src/main/handlers/articles.ts', "import { App } from '../../renderer/app/App';\nexport const x = App;\n"],
    ['src/main/services/workspace.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/review/rules.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await restrictions(filePath, code)).not.toEqual([]);
  });

  it('lets the handlers use shared and the services', async () => {
    const code = "import { contentHash } from '../../shared/article/canonical';\nimport { Workspace } from '../services/workspace';\nexport const x = [contentHash, Workspace];\n";
    expect(await restrictions('src/main/handlers/articles.ts', code)).toEqual([]);
  });
});
