import { REVIEW_STAGES, type ReviewStage } from '../review/stages';
import { z } from '../zod';
import { RULE_IDS, RULE_LEVELS, RULES, type RuleId, type RuleLevel } from './rules';

export const RuleLevelSchema = z.enum(RULE_LEVELS);

/** How one rule is set in a workspace. `blocksStages` only matters when the level is `required`. */
export const RuleSettingSchema = z.object({
  level: RuleLevelSchema,
  blocksStages: z.array(z.enum(REVIEW_STAGES)).max(REVIEW_STAGES.length).default([...REVIEW_STAGES]),
});
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

const LengthRangeSchema = z
  .object({ min: z.number().int().min(0).max(1_000), max: z.number().int().min(1).max(1_000) })
  .refine((range) => range.min <= range.max, { message: 'the shortest length is longer than the longest' });
export type LengthRange = z.infer<typeof LengthRangeSchema>;

/** Double quotes in English text: always curly, always straight, or whichever the article uses more. */
export const ENGLISH_QUOTE_STYLES = ['consistent', 'curly', 'straight'] as const;
export type EnglishQuoteStyle = (typeof ENGLISH_QUOTE_STYLES)[number];

export const DEFAULT_HEADLINE_LENGTH = { 'zh-CN': { min: 5, max: 60 }, en: { min: 10, max: 120 } } as const;
export const DEFAULT_PARAGRAPH_MAX_CHARS = 500;

function defaultRuleSettings(): Record<RuleId, RuleSetting> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, { level: rule.defaultLevel, blocksStages: [...REVIEW_STAGES] }])) as Record<RuleId, RuleSetting>;
}

const knownRule = new Set<string>(RULE_IDS);

/**
 * A workspace's proofreading settings. Every part has a default, so `{}` parses to the
 * defaults; a rule left out keeps its default level; a rule id this version does not know
 * (written by a newer version) is dropped rather than refused.
 */
export const CheckSettingsSchema = z.object({
  rules: z
    .record(z.string(), RuleSettingSchema)
    .default({})
    .transform((given) => {
      const rules = defaultRuleSettings();
      for (const [id, setting] of Object.entries(given)) if (knownRule.has(id)) rules[id as RuleId] = setting;
      return rules;
    }),
  /** Headline length in characters (code points, after trimming), per article language. */
  headlineLength: z
    .object({
      'zh-CN': LengthRangeSchema.default({ ...DEFAULT_HEADLINE_LENGTH['zh-CN'] }),
      en: LengthRangeSchema.default({ ...DEFAULT_HEADLINE_LENGTH.en }),
    })
    .default({ 'zh-CN': { ...DEFAULT_HEADLINE_LENGTH['zh-CN'] }, en: { ...DEFAULT_HEADLINE_LENGTH.en } }),
  /** A paragraph with more characters than this (whitespace not counted) is over-long. */
  paragraphMaxChars: z.number().int().min(20).max(100_000).default(DEFAULT_PARAGRAPH_MAX_CHARS),
  /** The house style for double quotes in English text (Chinese text always takes full-width “”). */
  englishQuotes: z.enum(ENGLISH_QUOTE_STYLES).default('consistent'),
});
export type CheckSettings = z.output<typeof CheckSettingsSchema>;
export type CheckSettingsInput = z.input<typeof CheckSettingsSchema>;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = CheckSettingsSchema.parse({});

export function ruleLevel(settings: CheckSettings, rule: RuleId): RuleLevel {
  return settings.rules[rule]?.level ?? 'off';
}

/** Whether a finding of `rule` at the required level holds an article at `stage`. */
export function ruleBlocks(settings: CheckSettings, rule: RuleId, stage: ReviewStage): boolean {
  const setting = settings.rules[rule];
  return setting !== undefined && setting.level === 'required' && setting.blocksStages.includes(stage);
}
