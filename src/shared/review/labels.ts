import type { Language } from '../article/article';
import type { Role } from './people';
import type { Stage } from './stages';

/** The words a newsroom uses for the stages and roles, in each interface language. */
export const STAGE_NAMES: Record<Language, Record<Stage, string>> = {
  en: { draft: 'draft', first: 'first review', second: 'second review', third: 'third review', signed: 'sign-off' },
  'zh-CN': { draft: '草稿', first: '一审', second: '二审', third: '三审', signed: '签发' },
};

export const ROLE_NAMES: Record<Language, Record<Role, string>> = {
  en: { reporter: 'reporter', editor: 'responsible editor', second: 'second reviewer', third: 'third reviewer', admin: 'administrator' },
  'zh-CN': { reporter: '记者', editor: '责任编辑', second: '二审编辑', third: '三审编辑', admin: '管理员' },
};

export function stageName(stage: string, language: Language): string {
  return STAGE_NAMES[language][stage as Stage] ?? stage;
}

export function roleName(role: string, language: Language): string {
  return ROLE_NAMES[language][role as Role] ?? role;
}

/** "first review and second review" / "一审、二审" from "first,second". */
export function stageList(stages: string, language: Language): string {
  const names = stages.split(',').filter(Boolean).map((stage) => stageName(stage, language));
  if (language === 'zh-CN') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
