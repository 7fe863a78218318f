import { API, type ApiInput, type ApiName, type ApiOutput, type WorkspaceInfo } from '../shared/contract/api';
import { AppFailure, toAppError, type Result } from '../shared/contract/errors';
import type { SettingsStore } from './services/settings-store';
import type { Workspace } from './services/workspace';

export interface HandlerContext {
  workspace(): Workspace;
  settings: SettingsStore;
  /** Shows a folder picker and switches to the chosen workspace; absent in the preview. */
  chooseWorkspace?: () => Promise<WorkspaceInfo | null>;
}

type Handler<N extends ApiName> = (input: ApiOutputOf<N>) => Promise<ApiOutput<N>>;
type ApiOutputOf<N extends ApiName> = Exclude<ApiInput<N>, undefined>;
export type HandlerTable = { [N in ApiName]: Handler<N> };

export function createHandlers(ctx: HandlerContext): HandlerTable {
  const user = () => ctx.settings.get().userName;
  return {
    getWorkspace: async () => ctx.workspace().info(),
    chooseWorkspace: async () => {
      if (!ctx.chooseWorkspace) throw new AppFailure('unavailable', 'choosing a workspace folder needs the desktop app');
      return ctx.chooseWorkspace();
    },
    listArticles: () => ctx.workspace().list(),
    getArticle: ({ id }) => ctx.workspace().get(id),
    createArticle: ({ language }) => ctx.workspace().create(user(), language),
    saveArticle: ({ id, baseRevision, content }) => ctx.workspace().save(id, baseRevision, content, user()),
    trashArticle: async ({ id }) => {
      await ctx.workspace().trash(id, user());
      return {};
    },
    listTrash: () => ctx.workspace().listTrash(),
    restoreArticle: ({ id }) => ctx.workspace().restore(id),
    importImage: ({ dataBase64 }) => ctx.workspace().assets.put(Buffer.from(dataBase64, 'base64')),
    getSettings: async () => ctx.settings.get(),
    updateSettings: async (patch) => ctx.settings.update(patch),
  };
}

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/**
 * The one way into the handlers, for IPC and the preview's HTTP bridge alike: validates the
 * input against the contract and turns every failure into a typed error value.
 */
export async function dispatch(table: HandlerTable, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isApiName(name)) return { ok: false, error: { code: 'invalid-input', message: `unknown call "${name}"` } };
  const parsed = API[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'invalid-input', message: `${where}${issue?.message ?? 'invalid input'}` } };
  }
  try {
    const handler = table[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
