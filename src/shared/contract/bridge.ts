import type { ApiInput, ApiName, ApiOutput } from './api';
import type { Result } from './errors';
import type { WorkspaceChange } from '../live/workspace-change';

/** IPC channel of each API call. Kept free of zod so the preload stays small. */
export const ipcChannel = (name: string): string => `api:${name}`;

export const MENU_EVENT_CHANNEL = 'app:menu';
/** Main → page: what other desks changed in the workspace (src/shared/live/workspace-change.ts). */
export const WORKSPACE_CHANGE_CHANNEL = 'app:workspace-change';
/** Page → main (desktop): a system notification of something that arrived for the person here. */
export const DESKTOP_NOTICE_CHANNEL = 'app:desktop-notice';

/** A system notification's words; longer ones are cut. */
export interface DesktopNotice {
  title: string;
  body: string;
}
export const DESKTOP_NOTICE_LIMITS = { title: 120, body: 400 } as const;

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
  /** What other desks changed in the workspace: the one change feed. */
  onWorkspaceChange(listener: (change: WorkspaceChange) => void): () => void;
  /** Desktop only: a system notification (the page shows its own notice too). */
  notify?(notice: DesktopNotice): void;
  /** URL under which the page can load a workspace image. */
  assetUrl(asset: string): string;
  /** Electron or the browser preview. */
  readonly host: 'electron' | 'preview';
}
