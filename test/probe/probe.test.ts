import { it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { tempApp } from '../helpers/handlers';
import { contentOf } from '../helpers/newsroom';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
it('probe', async () => {
  const app = await tempApp(await mkdtemp(join(tmpdir(), 'probe-')));
  const created = await app.workspace.create('林晓岚', 'en', app.firstPersonId);
  const r = await dispatch(app.handlers, 'saveArticle', { id: created.id, baseRevision: 0, content: { ...contentOf(created), body: { root: { type: 'root', children: [] } } } });
  console.log(JSON.stringify(r));
  try { await app.workspace.save(created.id, 0, { ...contentOf(created), body: { root: { type: 'root', children: [] } } } as never, 'x'); } catch (e) { console.log((e as Error).stack?.split('\n').slice(0, 12).join('\n')); }
});
