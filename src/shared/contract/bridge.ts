import type { ApiInput, ApiName, ApiOutput } from './api';
import type { Result } from './errors';

/** IPC channel of each API call. Kept free of zod so the preload stays small. */
export const ipcChannel = (name: string): string => `api:${name}`;

export const MENU_EVENT_CHANNEL = 'app:menu';

export const MENU_COMMANDS = [
  'new-article',
  'save',
  'find',
  'workspace-changed',
  'language-zh-CN',
  'language-en',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type Api = { [N in ApiName]: (input: ApiInput<N>) => Promise<Result<ApiOutput<N>>> };

/** What the page sees as `window.api`: the calls plus the menu's commands. */
export interface Bridge {
  api: Api;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** URL under which the page can load a workspace image. */
  assetUrl(asset: string): string;
  /** Electron or the browser preview. */
  readonly host: 'electron' | 'preview';
}
