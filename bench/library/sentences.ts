/** Sentence templates for the generated corpus: news-like, made up, about one theme per article. */
import * as V from './vocabulary';

type Random = () => number;

export interface Theme {
  province: string;
  city: string;
  topic: string;
  org: string;
  enPlace: string;
  enTopic: string;
}

/** The province-level name as copy writes it: 贵州 or 贵州省, 上海 or 上海市. */
function provinceName(random: Random, province: string): string {
  if (random() < 0.5) return province;
  return ['北京', '上海', '天津', '重庆'].includes(province) ? `${province}市` : `${province}省`;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function chineseName(random: Random): string {
  return pick(random, V.SURNAMES) + pick(random, V.GIVEN);
}

function englishName(random: Random): string {
  return `${pick(random, V.EN_FIRST)} ${pick(random, V.EN_LAST)}`;
}

const ZH: Array<(random: Random, t: Theme) => string> = [
  (r, t) => `${t.city}${t.org}${pick(r, V.VERBS)}${t.topic}，${pick(r, V.CLAUSES)}。`,
  (r, t) => `据${provinceName(r, t.province)}${pick(r, V.ORGS)}介绍，${int(r, 2019, 2025)}年${t.city}${pick(r, V.METRICS)}达到${int(r, 12, 980)}.${int(r, 0, 9)}亿元，同比${pick(r, ['增长', '下降'])}${int(r, 1, 30)}.${int(r, 0, 9)}%。`,
  (r) => `“${pick(r, V.QUOTES)}，”${pick(r, V.ORGS)}${pick(r, V.ROLES)}${chineseName(r)}${pick(r, ['说', '告诉记者', '表示', '介绍说'])}。`,
  (r, t) => `${chineseName(r)}是${t.city}的一名${pick(r, V.ROLES)}，${int(r, 3, 30)}年来一直关注${t.topic}。`,
  (r, t) => `记者在${t.city}${r() < 0.5 ? '市' : ''}一处${pick(r, V.SITES)}看到，${pick(r, V.SCENES)}。`,
  (r, t) => `近年来，${provinceName(r, t.province)}把${t.topic}作为重点工作，${pick(r, V.VERBS)}${pick(r, V.TOPICS)}，${pick(r, V.CLAUSES)}。`,
  (r, t) => `${pick(r, V.ORGS)}相关负责人表示，下一步将${pick(r, V.VERBS)}${t.topic}与${pick(r, V.TOPICS)}的衔接。`,
  (r, t) => `不少${t.city}市民表示，${t.topic}${pick(r, V.CLAUSES)}。`,
  (r, t) => `在${t.city}，${pick(r, V.TOPICS)}同样${pick(r, V.CLAUSES)}，${pick(r, ['引进了 AI 质检系统', '上线了 5G 远程诊疗', '建成了 IoT 监测平台', '开通了跨境物流专线'])}。`,
];

const EN: Array<(random: Random, t: Theme) => string> = [
  (r, t) => `${pick(r, V.EN_SUBJECTS)} in ${t.enPlace} ${pick(r, V.EN_VERBS)} ${pick(r, V.EN_OBJECTS)}.`,
  (r, t) => `“We have never seen ${t.enTopic} move this fast,” said ${englishName(r)}, who has followed the issue for ${int(r, 3, 25)} years.`,
  (r, t) => `Spending on ${t.enTopic} reached ${int(r, 2, 90)}.${int(r, 0, 9)} billion yuan in ${int(r, 2019, 2025)}, up ${int(r, 1, 30)} per cent on the year before.`,
  (r, t) => `The debate over ${t.enTopic} has divided ${pick(r, ['farmers', 'residents', 'investors', 'city planners'])} in ${t.enPlace}, where ${pick(r, V.EN_OBJECTS).replace(/^that /, '')}.`,
  (r, t) => `${englishName(r)}, a researcher in ${t.enPlace}, ${pick(r, V.EN_VERBS)} ${pick(r, V.EN_OBJECTS)}.`,
  (r, t) => `Officials in ${t.enPlace} said ${pick(r, V.EN_TOPICS)} and ${t.enTopic} would be reviewed together next year.`,
];

export function chineseParagraph(random: Random, theme: Theme): string {
  let text = '';
  const count = int(random, 2, 7);
  for (let i = 0; i < count; i++) {
    text += pick(random, ZH)(random, theme);
    if (random() < 0.05) text += `（${pick(random, EN)(random, theme)}）`;
  }
  return text;
}

export function englishParagraph(random: Random, theme: Theme): string {
  const sentences: string[] = [];
  const count = int(random, 2, 5);
  for (let i = 0; i < count; i++) sentences.push(pick(random, EN)(random, theme));
  if (random() < 0.1) sentences.push(`Locals call it “${theme.topic}”.`);
  return sentences.join(' ');
}
