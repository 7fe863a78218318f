/**
 * Proofreading (校对): pure rules over an article's content. See docs in each file; the
 * public surface is re-exported here.
 */
export { RULES, RULE_IDS, RULE_LEVELS, RULE_CATEGORIES, ruleInfo, type RuleId, type RuleInfo, type RuleLevel, type RuleCategory, type Bilingual } from './rules';
export {
  CheckSettingsSchema,
  DEFAULT_CHECK_SETTINGS,
  RuleSettingSchema,
  RuleLevelSchema,
  DEFAULT_HEADLINE_LENGTH,
  DEFAULT_PARAGRAPH_MAX_CHARS,
  ruleLevel,
  ruleBlocks,
  type CheckSettings,
  type CheckSettingsInput,
  type RuleSetting,
  type LengthRange,
} from './settings';
export { HouseListsSchema, HouseTermSchema, HouseNameSchema, EMPTY_HOUSE_LISTS, type HouseLists, type HouseTerm, type HouseName } from './lists';
export {
  FindingSchema,
  FindingLocationSchema,
  FindingFixSchema,
  IgnoreSchema,
  IgnoredMarkSchema,
  FIELDS,
  SEVERITIES,
  type Finding,
  type FindingLocation,
  type FindingFix,
  type Field,
  type Severity,
  type Ignore,
  type IgnoredMark,
} from './finding';
export { createChecker, runChecks, findingId, type Checker } from './engine';
export { blockingFindings } from './gate';
export { applyIgnores, unusedIgnores } from './ignores';
export { applyFix, type FixResult, type FixFailure } from './fix';
export { extractSegments, blockText, type Segment } from './segments';
