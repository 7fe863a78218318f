/**
 * The proofreading rules: their ids, default levels and the words the settings page shows.
 * The implementations are in `rules/`, one file per rule, registered in `registry.ts`.
 */

export interface Bilingual {
  en: string;
  'zh-CN': string;
}

export const RULE_LEVELS = ['off', 'recommended', 'required'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const RULE_CATEGORIES = ['completeness', 'punctuation', 'numbers', 'text', 'house', 'time'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export const RULE_IDS = [
  'headline',
  'channel',
  'byline',
  'figure-caption',
  'figure-alt',
  'figure-placeholder',
  'unbalanced-pairs',
  'halfwidth-punctuation',
  'doubled-punctuation',
  'space-before-punctuation',
  'quote-style-mix',
  'number-forms',
  'thousands-separator',
  'repeated-word',
  'double-space',
  'broken-sentence',
  'comma-capital',
  'long-paragraph',
  'house-terms',
  'name-titles',
  'vague-time',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface RuleInfo {
  id: RuleId;
  category: RuleCategory;
  defaultLevel: Exclude<RuleLevel, 'off'>;
  name: Bilingual;
  description: Bilingual;
}

/** Every rule, in the order findings of the same place are listed and the settings page shows them. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'headline',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'Headline', 'zh-CN': '标题' },
    description: {
      en: 'The article has a headline, and its length is within the range set for the article’s language.',
      'zh-CN': '稿件有标题，且标题字数在该语种设定的范围内。',
    },
  },
  {
    id: 'channel',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'Channel', 'zh-CN': '栏目' },
    description: { en: 'The article is filed under a channel.', 'zh-CN': '稿件已选择栏目。' },
  },
  {
    id: 'byline',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'Byline', 'zh-CN': '署名' },
    description: { en: 'The article has a byline.', 'zh-CN': '稿件有署名。' },
  },
  {
    id: 'figure-caption',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'Image captions', 'zh-CN': '图片说明' },
    description: { en: 'Every image has a caption.', 'zh-CN': '每张图片都有图片说明。' },
  },
  {
    id: 'figure-alt',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'Image alt text', 'zh-CN': '图片替代文字' },
    description: {
      en: 'Every image has alt text: a short description for readers who cannot see it.',
      'zh-CN': '每张图片都有替代文字，即供看不到图片的读者使用的简短描述。',
    },
  },
  {
    id: 'figure-placeholder',
    category: 'completeness',
    defaultLevel: 'required',
    name: { en: 'File names and placeholders in captions', 'zh-CN': '图片说明中的文件名和占位文字' },
    description: {
      en: 'A caption or alt text is not a file name (IMG_1234.JPG, image.png) or a placeholder (“caption”, “图片”, “在此输入”).',
      'zh-CN': '图片说明和替代文字不能是文件名（IMG_1234.JPG、image.png）或占位文字（“图片”“在此输入”“caption”）。',
    },
  },
  {
    id: 'unbalanced-pairs',
    category: 'punctuation',
    defaultLevel: 'required',
    name: { en: 'Unmatched quotes and brackets', 'zh-CN': '引号、括号不成对' },
    description: {
      en: 'Every opening quote mark or bracket has its closing one in the same paragraph (“” ‘’ 《》 （） 【】 「」 "" () []). A quotation that runs over several paragraphs may leave each paragraph open when the next one starts with an opening quote.',
      'zh-CN': '引号、书名号、括号在同一段内成对出现（“” ‘’ 《》 （） 【】 「」 "" () []）。跨段引文按惯例每段以前引号开头、只在末段收尾，不算错误。',
    },
  },
  {
    id: 'halfwidth-punctuation',
    category: 'punctuation',
    defaultLevel: 'required',
    name: { en: 'Half-width punctuation in Chinese', 'zh-CN': '中文里的半角标点' },
    description: {
      en: 'Between Chinese characters, punctuation is full width: ，。；：？！ rather than , . ; : ? !',
      'zh-CN': '汉字之间应使用全角标点（，。；：？！），而不是半角标点（, . ; : ? !）。',
    },
  },
  {
    id: 'doubled-punctuation',
    category: 'punctuation',
    defaultLevel: 'required',
    name: { en: 'Doubled punctuation', 'zh-CN': '标点重复' },
    description: {
      en: 'No punctuation mark is typed twice (，， 。。 !! ??) and no two Chinese stops stand together (，。). Ellipses (…… ...) and dashes (——) are fine.',
      'zh-CN': '标点不重复（，， 。。 !! ??），两个点号不连用（，。）。省略号（…… ...）和破折号（——）不受影响。',
    },
  },
  {
    id: 'space-before-punctuation',
    category: 'punctuation',
    defaultLevel: 'recommended',
    name: { en: 'Space before punctuation', 'zh-CN': '标点前的空格' },
    description: { en: 'No space comes before a comma, full stop, colon, question mark and the like.', 'zh-CN': '逗号、句号、冒号、问号等标点前不留空格。' },
  },
  {
    id: 'quote-style-mix',
    category: 'punctuation',
    defaultLevel: 'recommended',
    name: { en: 'Quote mark style', 'zh-CN': '引号样式' },
    description: {
      en: 'Double quotes are judged by the script they stand in: Chinese text takes the full-width “”; English text keeps to the house style — curly “”, straight "", or by default whichever the English text uses more. The fix changes both marks of a quotation.',
      'zh-CN': '双引号按所在文字判断：中文用全角引号“”；英文按本社规定统一用弯引号“”或直引号""，未规定时以英文部分用得较多的一种为准。修改时成对替换引号。',
    },
  },
  {
    id: 'number-forms',
    category: 'numbers',
    defaultLevel: 'recommended',
    name: { en: 'Numbers written two ways', 'zh-CN': '数字写法不统一' },
    description: {
      en: 'The same quantity is written the same way throughout: not “28万亩” in one place and “二十八万亩” in another, nor “1,000 people” and “1000 people”.',
      'zh-CN': '同一数量全文写法一致：不要一处写“28万亩”、另一处写“二十八万亩”，也不要“1,000人”与“1000人”混用。',
    },
  },
  {
    id: 'thousands-separator',
    category: 'numbers',
    defaultLevel: 'required',
    name: { en: 'Malformed thousands separators', 'zh-CN': '千分位分隔错误' },
    description: {
      en: 'Commas in numbers come every three digits (1,000,000), not “1,00,000” or “10,00”.',
      'zh-CN': '数字中的千分位逗号每三位一个（1,000,000），不能写成“1,00,000”或“10,00”。',
    },
  },
  {
    id: 'repeated-word',
    category: 'text',
    defaultLevel: 'required',
    name: { en: 'Repeated words', 'zh-CN': '字词重复' },
    description: {
      en: 'No word is typed twice by mistake (“the the”, “的的”, “了了”). Only English words and the Chinese function words 的了是在和与及也都就 are checked, so reduplications such as 常常 and 谢谢 are left alone.',
      'zh-CN': '没有误打重复的字词（“the the”“的的”“了了”）。只检查英文单词和虚词“的了是在和与及也都就”，“常常”“谢谢”等叠词不受影响。',
    },
  },
  {
    id: 'double-space',
    category: 'text',
    defaultLevel: 'recommended',
    name: { en: 'Double spaces', 'zh-CN': '连续空格' },
    description: { en: 'Words are separated by one space, not two or more.', 'zh-CN': '词与词之间只空一格，不连续空格。' },
  },
  {
    id: 'broken-sentence',
    category: 'text',
    defaultLevel: 'recommended',
    name: { en: 'Sentence split across paragraphs', 'zh-CN': '句子被分段截断' },
    description: {
      en: 'A paragraph does not stop mid-sentence with the next paragraph carrying on the same sentence (for example after a stray line break in pasted copy), in Chinese and English, quotes included. Headings and lists are not checked.',
      'zh-CN': '段落不在句子中间结束、下一段接着写同一句（常见于粘贴稿件时多出的换行），中英文及引号处均检查。标题和列表不检查。',
    },
  },
  {
    id: 'comma-capital',
    category: 'text',
    defaultLevel: 'recommended',
    name: { en: 'Capital letter after a comma', 'zh-CN': '逗号后误用大写' },
    description: {
      en: 'In English, a comma is not followed by a capitalised sentence starter (“for Guizhou, It is…”): either the comma should be a full stop or the word should be lower case.',
      'zh-CN': '英文中逗号后不接首字母大写的句首词（如“for Guizhou, It is…”）：要么逗号应为句号，要么该词应小写。',
    },
  },
  {
    id: 'long-paragraph',
    category: 'text',
    defaultLevel: 'recommended',
    name: { en: 'Over-long paragraphs', 'zh-CN': '段落过长' },
    description: {
      en: 'A paragraph is no longer than the set number of characters (500 unless the workspace says otherwise).',
      'zh-CN': '段落字数不超过设定值（默认500字）。',
    },
  },
  {
    id: 'house-terms',
    category: 'house',
    defaultLevel: 'required',
    name: { en: 'House terms', 'zh-CN': '本社用语' },
    description: {
      en: 'Words on the workspace’s list of terms to avoid are replaced by the preferred term.',
      'zh-CN': '工作区用语表中需避免的说法应改为规范用语。',
    },
  },
  {
    id: 'name-titles',
    category: 'house',
    defaultLevel: 'recommended',
    name: { en: 'Names and titles', 'zh-CN': '人名与职务' },
    description: {
      en: 'A person on the workspace’s list of names carries their full title at first mention in the deck and body (“县委书记张某”, “Zhang, county party secretary”); later mentions may drop it, but may not give a different title.',
      'zh-CN': '工作区人名表中的人物在导语和正文中首次出现时须带完整职务（“县委书记张某”“张某，县委书记”），此后可省略，但不能写成其他职务。',
    },
  },
  {
    id: 'vague-time',
    category: 'time',
    defaultLevel: 'recommended',
    name: { en: 'Vague time words', 'zh-CN': '模糊时间表述' },
    description: {
      en: 'News gives the date rather than “recently”, “lately”, “in recent days”, 近日, 日前, 近期 or 最近.',
      'zh-CN': '新闻应写明具体日期，少用“近日”“日前”“近期”“最近”“recently”等模糊说法。',
    },
  },
];

const BY_ID = new Map<RuleId, RuleInfo>(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: RuleId): RuleInfo {
  return BY_ID.get(id)!;
}

/** Position of the rule in RULES: orders findings that share a place. */
export const RULE_ORDER: Readonly<Record<RuleId, number>> = Object.fromEntries(RULE_IDS.map((id, index) => [id, index])) as Record<RuleId, number>;
