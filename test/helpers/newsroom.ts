import { expect } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import type { Article, ArticleContent } from '../../src/shared/article/article';
import { paragraphNode } from '../../src/shared/article/body';
import { API, type ApiInput, type ApiName, type ApiOutput } from '../../src/shared/contract/api';
import type { AppError } from '../../src/shared/contract/errors';
import type { Person, Role } from '../../src/shared/review/people';
import type { Caller, HandlerContext } from '../../src/main/handlers';
import { FIRST_PERSON, tempApp, type TempApp } from './handlers';

export type Desk = 'admin' | 'reporter' | 'editor' | 'second' | 'third';

/** The people the admin adds: a reporter and one person for each review. */
export const STAFF: [Exclude<Desk, 'admin'>, string, Role[]][] = [
  ['reporter', '周明远', ['reporter']],
  ['editor', '王丽', ['editor']],
  ['second', '赵敏', ['second']],
  ['third', '陈杰', ['third']],
];

export interface Newsroom extends TempApp {
  people: Record<Desk, Person>;
  /** The window of each desk, its person signed in. */
  windows: Record<Desk, Caller>;
  /** Calls go to this desk's window from now on. */
  as(desk: Desk): Promise<void>;
  /** A call that must succeed; its answer is checked against the contract. */
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  /** A call that must fail; gives its error. */
  fail<N extends ApiName>(name: N, input: ApiInput<N>): Promise<AppError>;
}

/**
 * A workspace whose first person (reporter and admin) has added four people, each of whom has
 * signed in for the first time with their enrolment code; each sits at a window of their own,
 * and calls go to the admin's to begin with.
 */
export async function newsroom(root: string, extra: Partial<HandlerContext> = {}): Promise<Newsroom> {
  const app = await tempApp(root, extra, STAFF.map(([, name, roles]) => ({ name, roles })));
  const { roster } = (await app.workspace.roster());
  const byName = (name: string) => roster.people.find((p) => p.name === name)!;
  const people = { admin: byName(FIRST_PERSON), ...Object.fromEntries(STAFF.map(([desk, name]) => [desk, byName(name)])) } as Record<Desk, Person>;
  const windows = { admin: app.caller, ...Object.fromEntries(STAFF.map(([desk, name]) => [desk, app.windowOf(byName(name).id)])) } as Record<Desk, Caller>;
  const room: Newsroom = {
    ...app,
    people,
    windows,
    call: async (name, input) => {
      const result = await dispatch(app.handlers, name, input, room.caller);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return API[name].output.parse(result.value) as ApiOutput<typeof name>;
    },
    fail: async (name, input) => {
      const result = await dispatch(app.handlers, name, input, room.caller);
      expect(result.ok, `${name} should have been refused`).toBe(false);
      if (result.ok) throw new Error('unreachable');
      return result.error;
    },
    as: async (desk) => {
      room.caller = windows[desk];
    },
  };
  return room;
}

/** The editable fields of `article`, with its body replaced by `text` when given. */
export function contentOf(article: Article, text?: string): ArticleContent {
  const { channel, headline, deck, byline, language, body } = article;
  const root = text === undefined ? body.root : { ...body.root, children: [paragraphNode(text)] };
  return { channel, headline, deck, byline, language, body: { root } };
}

/** Creates an article as the reporter, writes a first paragraph and submits it (whatever proofreading says of it). */
export async function submittedArticle(n: Newsroom, language: 'en' | 'zh-CN' = 'zh-CN', text = '正文第一段。'): Promise<Article> {
  await n.as('reporter');
  const created = await n.call('createArticle', { language });
  await n.call('saveArticle', {
    id: created.id,
    base: created.head,
    // Complete copy: the Required proofreading rules (channel, byline, headline) pass.
    content: { ...contentOf(created, text), headline: `${language} ${text}`, channel: ['首页', '要闻', '正文'], byline: '本报记者 周明远' },
  });
  await n.call('reviewAction', { id: created.id, request: { action: 'submit' }, acknowledgeRequiredChecks: true });
  return n.call('getArticle', { id: created.id });
}

/** A submitted article taken through the three reviews; the third reviewer is left at the desk. */
export async function signedOffArticle(n: Newsroom, language: 'en' | 'zh-CN' = 'zh-CN', text = '正文第一段。'): Promise<Article> {
  const { id } = await submittedArticle(n, language, text);
  for (const desk of ['editor', 'second', 'third'] as const) {
    await n.as(desk);
    await n.call('reviewAction', { id, request: { action: 'approve', opinion: '同意。' } });
  }
  return n.call('getArticle', { id });
}
