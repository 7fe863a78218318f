import type { ArticleContent } from '../src/shared/article/article';
import { passphraseFor, type Preview } from './fixtures';

/** The first person's key, unlocked with their passphrase as the sign-in would. */
async function firstPersonsKey(preview: Preview) {
  const { workspace } = preview;
  const person = (await workspace.roster()).roster.people.find((p) => p.name === preview.userName)!;
  const [keyid] = await workspace.keys.list(person.id);
  return workspace.keys.unlock(person.id, keyid!, passphraseFor(preview.userName));
}

/**
 * Appends a revision holding `content` exactly as given, signed by the first person: what a
 * desk running other software than this app could write. The app itself cleans every copy it
 * stores, so this is the only way to put a copy it would never write into a signed log.
 * Gives the new revision's id.
 */
export async function signRevisionAsIs(preview: Preview, id: string, content: ArticleContent): Promise<string> {
  const { workspace } = preview;
  const key = await firstPersonsKey(preview);
  try {
    const state = await workspace.articles.state(id);
    const head = state.verdict.head;
    const fields = await workspace.articles.content(id).store(content, head ? { id: head.id, revisions: state.revisions } : null);
    const event = { from: head ? [head.id] : [], kind: 'save' as const, stage: state.verdict.review.stage, ...fields };
    return (await workspace.articles.logs.append(workspace.writer, key, state, 'revision', event)).hash;
  } finally {
    key.lock();
  }
}
