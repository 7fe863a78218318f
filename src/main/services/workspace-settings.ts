/** The workspace's settings as the app uses them: the roster's signed settings, with defaults for what was never set. */
import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS, EMPTY_HOUSE_LISTS, HouseListsSchema, type CheckSettings, type HouseLists } from '../../shared/checks/index';
import { LOCK_AFTER_MINUTES, type WorkspaceSettings } from '../../shared/identity/workspace-settings';

export const DEFAULT_CHANNELS: string[][] = [
  ['首页', '要闻', '正文'],
  ['首页', '贵山', '正文'],
  ['首页', '经济', '正文'],
  ['首页', '科技', '正文'],
  ['首页', '社会', '正文'],
  ['Home', 'News', 'Text'],
];

export interface Settings {
  name: string | null;
  channels: string[][];
  checks: CheckSettings;
  houseLists: HouseLists;
  lockAfterMinutes: number;
  /** Parts that could not be read (written by a newer version, say): their defaults are used. */
  problems: string[];
}

export function settingsOf(stored: WorkspaceSettings): Settings {
  const problems: string[] = [];
  const parse = <T>(what: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown, fallback: T): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`the ${what} settings in the roster cannot be read; the defaults are used`);
    return fallback;
  };
  return {
    name: stored.name ?? null,
    channels: stored.channels ?? DEFAULT_CHANNELS,
    checks: parse('proofreading', CheckSettingsSchema, stored.checks, DEFAULT_CHECK_SETTINGS),
    houseLists: parse('house list', HouseListsSchema, stored.houseLists, EMPTY_HOUSE_LISTS),
    lockAfterMinutes: stored.lockAfterMinutes ?? LOCK_AFTER_MINUTES.default,
    problems,
  };
}
