/** Every rule's implementation, by id. The type makes sure no rule in RULES is left without one. */
import type { Rule } from './rule';
import type { RuleId } from './rules';
import { brokenSentenceRule } from './rules/broken-sentence';
import { bylineRule } from './rules/byline';
import { channelRule } from './rules/channel';
import { commaCapitalRule } from './rules/comma-capital';
import { doubleSpaceRule } from './rules/double-space';
import { doubledPunctuationRule } from './rules/doubled-punctuation';
import { figureAltRule } from './rules/figure-alt';
import { figureCaptionRule } from './rules/figure-caption';
import { figurePlaceholderRule } from './rules/figure-placeholder';
import { halfwidthPunctuationRule } from './rules/halfwidth-punctuation';
import { headlineRule } from './rules/headline';
import { houseTermsRule } from './rules/house-terms';
import { longParagraphRule } from './rules/long-paragraph';
import { nameTitlesRule } from './rules/name-titles';
import { numberFormsRule } from './rules/number-forms';
import { quoteStyleMixRule } from './rules/quote-style-mix';
import { repeatedWordRule } from './rules/repeated-word';
import { spaceBeforePunctuationRule } from './rules/space-before-punctuation';
import { thousandsSeparatorRule } from './rules/thousands-separator';
import { unbalancedPairsRule } from './rules/unbalanced-pairs';
import { vagueTimeRule } from './rules/vague-time';

export const RULE_IMPLEMENTATIONS: Readonly<Record<RuleId, Rule>> = {
  headline: headlineRule,
  channel: channelRule,
  byline: bylineRule,
  'figure-caption': figureCaptionRule,
  'figure-alt': figureAltRule,
  'figure-placeholder': figurePlaceholderRule,
  'unbalanced-pairs': unbalancedPairsRule,
  'halfwidth-punctuation': halfwidthPunctuationRule,
  'doubled-punctuation': doubledPunctuationRule,
  'space-before-punctuation': spaceBeforePunctuationRule,
  'quote-style-mix': quoteStyleMixRule,
  'number-forms': numberFormsRule,
  'thousands-separator': thousandsSeparatorRule,
  'repeated-word': repeatedWordRule,
  'double-space': doubleSpaceRule,
  'broken-sentence': brokenSentenceRule,
  'comma-capital': commaCapitalRule,
  'long-paragraph': longParagraphRule,
  'house-terms': houseTermsRule,
  'name-titles': nameTitlesRule,
  'vague-time': vagueTimeRule,
};
