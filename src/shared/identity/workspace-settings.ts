/**
 * The settings an administrator changes, held in the roster as signed `set-settings` events so
 * that workspace.json is written once and never again. The event keeps each part as given (a
 * newer version may add proofreading rules); the app reads them with their own schemas.
 */
import { ChannelPathSchema } from '../article/article';
import { z } from '../zod';

export const LOCK_AFTER_MINUTES = { min: 1, max: 24 * 60, default: 15 } as const;

export const WorkspaceSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  channels: z.array(ChannelPathSchema).max(500).optional(),
  /** Proofreading levels and stages (src/shared/checks/settings.ts), as given. */
  checks: z.record(z.string(), z.unknown()).optional(),
  /** House lists (src/shared/checks/lists.ts), as given. */
  houseLists: z.record(z.string(), z.unknown()).optional(),
  /** A desk locks after this many minutes without a call from its window. */
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES.min).max(LOCK_AFTER_MINUTES.max).optional(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** Later parts replace earlier ones; parts not given stay. */
export function mergeSettings(before: WorkspaceSettings, change: WorkspaceSettings): WorkspaceSettings {
  return { ...before, ...change };
}
