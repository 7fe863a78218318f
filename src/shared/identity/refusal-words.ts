import type { IdentityRefusalCode } from './refusal-codes';

type Params = Record<string, string>;
type Words = Record<IdentityRefusalCode, (p: Params) => string>;

/** The verifier's reasons (src/shared/identity/roster.ts) in plain words. */
const ROSTER_REASONS: Record<'en' | 'zh-CN', Record<string, string>> = {
  en: {
    'not-admin': 'only an active administrator can change it',
    'last-admin': 'it would leave the workspace without an active administrator',
    'last-admin-key': 'it would leave no active administrator with a key',
    'name-refused': 'the name is not accepted',
    'person-refused': 'that person cannot be added as given',
    'unknown-person': 'that person is not on the list',
    'no-such-key': 'that key is not this person’s',
    'already-revoked': 'that key was already revoked',
    'key-not-valid': 'it is not signed by a valid key of the person acting',
    'second-genesis': 'the workspace already has its first person',
  },
  'zh-CN': {
    'not-admin': '只有在用的管理员才能修改',
    'last-admin': '修改后工作区将没有在用的管理员',
    'last-admin-key': '修改后将没有持有密钥的在用管理员',
    'name-refused': '该姓名不被接受',
    'person-refused': '无法按所给信息添加此人',
    'unknown-person': '名单中没有此人',
    'no-such-key': '该密钥不属于此人',
    'already-revoked': '该密钥已被吊销',
    'key-not-valid': '操作者的有效密钥未签署此项更改',
    'second-genesis': '工作区已经有第一位成员',
  },
};

const reason = (language: 'en' | 'zh-CN', code: string | undefined) => ROSTER_REASONS[language][code ?? ''] ?? code ?? '';

export const IDENTITY_EN: Words = {
  locked: () => 'This desk is locked. Sign in with your passphrase to work.',
  'wrong-passphrase': (p) => `That passphrase is not ${p.name ?? 'this person'}’s. Try again; an administrator can issue a new enrolment code if it is forgotten.`,
  'weak-passphrase': (p) => `A passphrase has ${p.min} to ${p.max} characters. A few words you will remember make a good one.`,
  'no-key': (p) => `${p.name} has not signed in here yet. They need an enrolment code from an administrator for their first sign-in.`,
  'bad-enrolment-code': (p) => `That enrolment code is not the one issued to ${p.name}, or it has expired or been used. Check it, or ask an administrator for a new one.`,
  'key-damaged': (p) => `${p.name}’s key file cannot be used (${p.problem}). It was left as it is; an administrator can issue a new enrolment code.`,
  'name-empty': () => 'Write a name.',
  'name-too-long': (p) => `A name has at most ${p.max} characters.`,
  'name-invisible-character': (p) => `The name contains an invisible or direction-changing character (${p.character}), which would let two different people look alike. Type it again without it.`,
  'name-confusable': (p) => `“${p.name}” looks like “${p.existing}”, who is already on the list. Use a name that tells them apart.`,
  'roster-refused': (p) => `The newsroom list does not accept this change: ${reason('en', p.reason)}.`,
  'roster-lost': (p) => `Records of the newsroom list that this desk had seen are gone (${p.files}). Nothing can be changed or signed until the files are restored from a backup.`,
  'needs-upgrade': () => 'This workspace was made by an earlier version of the app. An administrator upgrades it once before anyone works in it.',
  'not-set-up': () => 'Nobody is in this workspace yet: its first person sets it up.',
  'already-set-up': () => 'This workspace already has its first person. Sign in, or ask an administrator to add you.',
  'remember-unavailable': () => 'This computer cannot keep a key safely (no system keychain), so it is not remembered. Sign in with your passphrase.',
  'not-upgrade-admin': (p) => `${p.name} is not an administrator in this workspace’s list, so cannot upgrade it.`,
  'no-review-sheet': () => 'A review sheet is made only for an article signed off at the third review, as the copy stands, with nothing wrong in its record.',
};

export const IDENTITY_ZH: Words = {
  locked: () => '本工作台已锁定。请输入口令登录后再工作。',
  'wrong-passphrase': (p) => `这不是${p.name ?? '此人'}的口令。请重试；如已忘记，可请管理员签发新的登记码。`,
  'weak-passphrase': (p) => `口令须为${p.min}至${p.max}个字符。几个好记的词就是不错的口令。`,
  'no-key': (p) => `${p.name}还没有在这里登录过。首次登录需要管理员签发的登记码。`,
  'bad-enrolment-code': (p) => `这不是签发给${p.name}的登记码，或已过期、已使用。请核对，或请管理员重新签发。`,
  'key-damaged': (p) => `${p.name}的密钥文件无法使用（${p.problem}）。该文件未被改动；管理员可以签发新的登记码。`,
  'name-empty': () => '请填写姓名。',
  'name-too-long': (p) => `姓名最多${p.max}个字符。`,
  'name-invisible-character': (p) => `姓名中含有不可见或改变文字方向的字符（${p.character}），会让两个不同的人看起来一样。请去掉后重新输入。`,
  'name-confusable': (p) => `“${p.name}”与名单中已有的“${p.existing}”看起来相同，请换一个能区分的名字。`,
  'roster-refused': (p) => `人员名单不接受这项更改：${reason('zh-CN', p.reason)}。`,
  'roster-lost': (p) => `本工作台见过的人员名单记录已经缺失（${p.files}）。从备份恢复这些文件之前，不能做任何更改或签名。`,
  'needs-upgrade': () => '这个工作区由较早版本的应用创建，需由管理员升级一次后才能使用。',
  'not-set-up': () => '这个工作区还没有任何成员，由第一位成员来建立。',
  'already-set-up': () => '这个工作区已经有第一位成员。请登录，或请管理员添加你。',
  'remember-unavailable': () => '这台电脑无法安全保存密钥（没有系统钥匙串），因此不会记住。请用口令登录。',
  'not-upgrade-admin': (p) => `${p.name}不是这个工作区名单中的管理员，不能升级。`,
  'no-review-sheet': () => '审稿单只为已经三审签发、签发后未改动且审稿记录无误的稿件生成。',
};
