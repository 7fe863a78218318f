import type { Language } from '../article/article';
import { roleName, stageList, stageName } from './labels';
import { IDENTITY_EN, IDENTITY_ZH } from '../identity/refusal-words';
import type { Refusal, RefusalCode } from './refusal';

type Params = Record<string, string>;

const WHERE_THE_ARTICLE_IS: Record<Language, Record<string, string>> = {
  en: {
    draft: 'still a draft with its author',
    first: 'waiting for the first review',
    second: 'waiting for the second review',
    third: 'waiting for the third review',
    signed: 'already signed off',
  },
  'zh-CN': { draft: '还是草稿，在作者手中', first: '正在等待一审', second: '正在等待二审', third: '正在等待三审', signed: '已经签发' },
};

const ACTION_DONE: Record<Language, Record<string, string>> = {
  en: { submit: 'submitted for review', approve: 'approved', return: 'sent back', withdraw: 'withdrawn', reopen: 'reopened' },
  'zh-CN': { submit: '送审', approve: '审核通过', return: '退回', withdraw: '撤回', reopen: '撤销签发' },
};

const plural = (stages: string) => stages.split(',').filter(Boolean).length > 1;

const EN: Record<RefusalCode, (p: Params) => string> = {
  ...IDENTITY_EN,
  'inactive-person': (p) => `${p.name}'s account has been deactivated, so they cannot act on articles.`,
  'wrong-stage': (p) => `The article is ${WHERE_THE_ARTICLE_IS.en[p.stage ?? ''] ?? p.stage}, so it cannot be ${ACTION_DONE.en[p.action ?? ''] ?? p.action} now.`,
  'not-your-stage': (p) => `Only a ${roleName(p.role ?? '', 'en')} can act at the ${stageName(p.stage ?? '', 'en')}, and ${p.name} is not one.`,
  'not-author': (p) =>
    p.action === 'submit'
      ? `${p.name} is not the author of this article. Only the author can submit it for review (or an administrator, if the author has left).`
      : `${p.name} is not the author of this article. Only the author can withdraw it.`,
  'author-cannot-review': (p) => `${p.name} wrote this article, and an author may not review their own article.`,
  'already-reviewed-other-stage': (p) =>
    `${p.name} did the ${stageName(p.stage ?? '', 'en')} of this article; the same person may not also do its ${stageName(p.attempted ?? '', 'en')}.`,
  'stale-approvals': (p) =>
    `The copy has changed since the ${stageList(p.stages ?? '', 'en')} approved it, so it cannot be signed off yet. Send it back so the current version is approved again.`,
  'missing-approvals': (p) =>
    `The ${stageList(p.stages ?? '', 'en')} ${plural(p.stages ?? '') ? 'have' : 'has'} not approved this article yet, so it cannot be signed off.`,
  'opinion-required': () => 'Write your review opinion before approving.',
  'reason-required': (p) =>
    p.action === 'reopen'
      ? 'Write the reason for reopening the signed-off article.'
      : p.action === 'trash'
        ? 'Write why this article, which is in review or signed off, goes to the trash; the reason is kept with it.'
        : 'Write the reason for sending the article back.',
  'text-too-long': (p) => `The text is too long: at most ${p.max} characters.`,
  'invalid-return-target': (p) => `From the ${stageName(p.from ?? '', 'en')} the article can go back only to its author or to an earlier review.`,
  'review-started': () => 'The review has already begun, so the article can no longer be withdrawn. Ask the reviewer to send it back.',
  'cannot-reopen': (p) => `Only a third reviewer or an administrator can reopen a signed-off article, and ${p.name} is neither.`,
  'out-of-date': () => 'Someone else has acted on this article in the meantime. Look at it again before you act.',
  'duplicate-name': (p) => `Someone called “${p.name}” is already in the newsroom list. Use a name that tells them apart.`,
  'duplicate-id': (p) => `The person id ${p.id} is already taken.`,
  'last-admin': (p) => `${p.name} is the last active administrator. Make someone else an administrator first.`,
  'unknown-person': (p) => `No one with the id ${p.id} is in the newsroom list.`,
  'invalid-person': (p) => INVALID_PERSON.en[p.field ?? ''] ?? 'These details are not valid for a person.',
  'read-only': (p) =>
    p.stage === 'signed'
      ? 'The article is signed off; it is read-only until a third reviewer or an administrator reopens it.'
      : p.stage === 'draft'
        ? `The article is a draft with its author, ${p.holder}; only they can edit it now.`
        : `The article is at the ${stageName(p.stage ?? '', 'en')}, held by the ${roleName(p.role ?? '', 'en')}; ${p.name} can read it but not edit it.`,
  'open-annotations': (p) =>
    p.blocking === 'true'
      ? `${p.count} annotation(s) on this article are still open. This workspace requires them to be resolved before approval.`
      : `${p.count} annotation(s) on this article are still open. Approve anyway?`,
  'admin-only': () => 'Only an administrator can change the newsroom list and workspace rules.',
  'no-current-user': () => 'Sign in before working on articles.',
  'chain-damaged': (p) => `This article's review record has been altered or damaged (${p.problem}). No review action is accepted until it is restored from a backup.`,
  'settings-damaged': (p) => `The workspace's settings file workspace.json cannot be read (${p.problem}). Review actions, and edits that depend on the review settings, wait until it is repaired or restored; the file was left as it is.`,
  'not-annotator': () => 'Only the person who wrote a comment can edit or delete it.',
  'required-checks': (p) => `Proofreading found ${p.count} problem(s) this workspace requires fixed before approval: ${p.rules}. Fix them, or ignore one here with a reason.`,
  'recommended-checks': (p) => `Proofreading recommends looking at ${p.count} finding(s): ${p.rules}. Approve anyway?`,
  'cannot-trash': (p) =>
    p.stage === 'draft'
      ? `Only the author of a draft or an administrator can move it to the trash, and ${p.name} is neither.`
      : `The article is ${WHERE_THE_ARTICLE_IS.en[p.stage ?? ''] ?? p.stage}: only an administrator can move it to the trash, with a reason.`,
  'required-checks-ahead': (p) =>
    `The first review will be refused on ${p.count} problem(s) this workspace requires fixed: ${p.rules}. Fix them or ignore them here with a reason, or submit anyway.`,
};

const ZH: Record<RefusalCode, (p: Params) => string> = {
  ...IDENTITY_ZH,
  'inactive-person': (p) => `${p.name}的账号已停用，不能处理稿件。`,
  'wrong-stage': (p) =>
    `稿件${WHERE_THE_ARTICLE_IS['zh-CN'][p.stage ?? ''] ?? p.stage}，现在不能${ACTION_DONE['zh-CN'][p.action ?? ''] ?? p.action}。`,
  'not-your-stage': (p) => `只有${roleName(p.role ?? '', 'zh-CN')}可以处理${stageName(p.stage ?? '', 'zh-CN')}，${p.name}没有这个权限。`,
  'not-author': (p) =>
    p.action === 'submit'
      ? `${p.name}不是本稿作者。只有作者才能送审（作者已离开时，可由管理员代为送审）。`
      : `${p.name}不是本稿作者。只有作者才能撤回稿件。`,
  'author-cannot-review': (p) => `${p.name}是本稿作者，作者不能审核自己的稿件。`,
  'already-reviewed-other-stage': (p) =>
    `${p.name}已做过本稿的${stageName(p.stage ?? '', 'zh-CN')}，同一人不能再做本稿的${stageName(p.attempted ?? '', 'zh-CN')}。`,
  'stale-approvals': (p) =>
    `${stageList(p.stages ?? '', 'zh-CN')}通过后稿件又有改动，现在不能签发。请退回，让当前版本重新通过${stageList(p.stages ?? '', 'zh-CN')}。`,
  'missing-approvals': (p) => `本稿还没有通过${stageList(p.stages ?? '', 'zh-CN')}，不能签发。`,
  'opinion-required': () => '请先填写审稿意见，再审核通过。',
  'reason-required': (p) =>
    p.action === 'reopen' ? '撤销签发时请写明原因。' : p.action === 'trash' ? '这篇稿件正在审核或已签发，移入回收站时请写明原因，原因将随稿件保存。' : '退回稿件时请写明原因。',
  'text-too-long': (p) => `文字太长了，最多${p.max}个字符。`,
  'invalid-return-target': (p) => `在${stageName(p.from ?? '', 'zh-CN')}环节，稿件只能退回作者或更早的审核环节。`,
  'review-started': () => '审核已经开始，稿件不能再撤回；如需修改，请审稿人退回。',
  'cannot-reopen': (p) => `只有三审编辑或管理员才能撤销签发，${p.name}两者都不是。`,
  'out-of-date': () => '在此期间有人处理了这篇稿件，请重新查看后再操作。',
  'duplicate-name': (p) => `名单中已经有名为“${p.name}”的人，请换一个能区分的名字。`,
  'duplicate-id': (p) => `人员编号${p.id}已被占用。`,
  'last-admin': (p) => `${p.name}是最后一位在用的管理员，请先指定另一位管理员。`,
  'unknown-person': (p) => `名单中没有编号为${p.id}的人。`,
  'invalid-person': (p) => INVALID_PERSON['zh-CN'][p.field ?? ''] ?? '人员信息不符合要求。',
  'read-only': (p) =>
    p.stage === 'signed'
      ? '稿件已签发，处于只读状态；需由三审编辑或管理员撤销签发后才能修改。'
      : p.stage === 'draft'
        ? `稿件是草稿，在作者${p.holder}手中，现在只有作者可以修改。`
        : `稿件正处于${stageName(p.stage ?? '', 'zh-CN')}，由${roleName(p.role ?? '', 'zh-CN')}处理；${p.name}可以阅读，但不能修改。`,
  'open-annotations': (p) =>
    p.blocking === 'true' ? `本稿还有${p.count}条批注未解决。本工作区要求先解决批注再审核通过。` : `本稿还有${p.count}条批注未解决。仍要审核通过吗？`,
  'admin-only': () => '只有管理员可以修改人员名单和工作区规则。',
  'no-current-user': () => '请先登录，再处理稿件。',
  'chain-damaged': (p) => `本稿的审稿记录已被改动或损坏（${p.problem}）。在从备份恢复之前，不接受任何审稿操作。`,
  'settings-damaged': (p) => `工作区设置文件 workspace.json 无法读取（${p.problem}）。在修复或恢复该文件之前，审稿操作以及取决于审稿设置的修改都暂停；该文件未被改动。`,
  'not-annotator': () => '只有批注的作者才能修改或删除这条批注。',
  'required-checks': (p) => `校对发现${p.count}处本工作区要求改正后才能审核通过的问题：${p.rulesZh}。请改正，或注明理由后在此处忽略。`,
  'recommended-checks': (p) => `校对建议关注${p.count}处问题：${p.rulesZh}。仍要审核通过吗？`,
  'cannot-trash': (p) =>
    p.stage === 'draft'
      ? `只有草稿的作者或管理员才能把它移入回收站，${p.name}两者都不是。`
      : `稿件${WHERE_THE_ARTICLE_IS['zh-CN'][p.stage ?? ''] ?? p.stage}，只有管理员才能把它移入回收站，并须写明原因。`,
  'required-checks-ahead': (p) => `一审时将因${p.count}处本工作区要求改正的问题被拒绝：${p.rulesZh}。请先改正，或注明理由后在此处忽略，也可以仍然送审。`,
};

const INVALID_PERSON: Record<Language, Record<string, string>> = {
  en: {
    id: 'A person id must look like u-ab12cd: “u-” and 6 to 32 lowercase letters or digits.',
    name: 'A name must be 1 to 80 characters long.',
    roles: 'Those roles are not known.',
  },
  'zh-CN': {
    id: '人员编号格式应为 u-ab12cd：以“u-”开头，后接6至32个小写字母或数字。',
    name: '姓名须为1至80个字符。',
    roles: '其中有无法识别的角色。',
  },
};

const MESSAGES: Record<Language, Record<RefusalCode, (p: Params) => string>> = { en: EN, 'zh-CN': ZH };

/** The refusal in words a newsroom person understands, with the real names and stages. */
export function refusalMessage(refusal: Refusal, language: Language): string {
  const message = MESSAGES[language][refusal.code] as ((p: Params) => string) | undefined;
  return message ? message(refusal.params) : refusal.code;
}
