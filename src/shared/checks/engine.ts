/**
 * Runs the rules over an article. `createChecker` keeps, per segment text, what the rules
 * found in it, so that checking again after an edit re-reads only the segments that changed;
 * the article-wide rules (quote style, number forms, first mentions, paragraph breaks,
 * completeness) are recomputed on every check from those cached per-segment facts, which is
 * cheap. `runChecks` is a fresh checker used once: both give the same findings.
 */
import type { ArticleContent } from '../article/article';
import type { Finding, FindingFix, FindingLocation, Severity } from './finding';
import { EMPTY_HOUSE_LISTS, type HouseLists } from './lists';
import { RULE_IMPLEMENTATIONS } from './registry';
import { fixReach, type ArticleScanner, type CheckConfig, type FixEdit, type RawFinding, type SegmentFinding } from './rule';
import { RULE_ORDER, RULES, type Bilingual, type RuleId } from './rules';
import { extractSegments, type Segment } from './segments';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './settings';
import { fingerprint } from './text';
import { createFixVetter, MAX_FIXES_PER_SEGMENT, newVetMemo, type SegmentScanner, type VetMemo } from './vet-fix';

export interface Checker {
  readonly settings: CheckSettings;
  readonly lists: HouseLists;
  /** All findings for `content`, in reading order (and by offset, then rule, within a segment). */
  check(content: ArticleContent): Finding[];
}

/** What the rules found in one segment text. */
interface Analysis {
  /** Segment rules' findings, sorted. */
  raw: RawFinding[];
  /** Article rules' per-segment facts, by the position of the rule in the checker's list. */
  facts: unknown[];
  /** The last place (where and reader number) these findings were turned into Findings for, and the result. */
  memoWhere: string | null;
  memo: Finding[];
  /** Fingerprint of the whole text, once asked for (a finding over a whole long paragraph). */
  wholePrint: string | null;
  /** Whether each fix considered in this text may be offered (see vet-fix.ts). */
  vetted: VetMemo;
  /** How many of `raw` carry a fix. */
  rawFixes: number;
}

function compare(a: { start: number; end: number; rule: RuleId }, b: { start: number; end: number; rule: RuleId }): number {
  return a.start - b.start || a.end - b.end || RULE_ORDER[a.rule] - RULE_ORDER[b.rule];
}

function compareFindings(a: Finding, b: Finding): number {
  return a.location.start - b.location.start || a.location.end - b.location.end || RULE_ORDER[a.rule] - RULE_ORDER[b.rule];
}

export function findingId(rule: RuleId, where: string, start: number, end: number, text: string, print = fingerprint(text)): string {
  return `${rule}:${where}:${start}-${end}:${print}`;
}

function locationOf(segment: Segment, start: number, end: number): FindingLocation {
  if (segment.block !== undefined) {
    return segment.kind === 'heading'
      ? { field: segment.field, block: segment.block, heading: segment.number, start, end }
      : { field: segment.field, block: segment.block, paragraph: segment.number, start, end };
  }
  if (segment.figure !== undefined) return { field: segment.field, figure: segment.figure, start, end };
  return { field: segment.field, start, end };
}

/**
 * Turns a rule's finding in one segment into a Finding. A fix that would create a finding is left
 * out, and so is every fix after the first MAX_FIXES_PER_SEGMENT of the segment (`rank` counts
 * the fixes before this one, in the same order on every check).
 */
type Builder = (rule: RuleId, segment: Segment, start: number, end: number, message: Bilingual, fix: FindingFix | undefined, analysis: Analysis, rank: number) => Finding;

function memoKey(segment: Segment): string {
  return segment.number === undefined ? segment.where : `${segment.where}#${segment.kind}#${segment.number}`;
}

export function createChecker(settings: CheckSettings = DEFAULT_CHECK_SETTINGS, lists: HouseLists = EMPTY_HOUSE_LISTS): Checker {
  const config: CheckConfig = { settings, lists };
  const severity = {} as Record<RuleId, Severity>;
  const segmentScanners: SegmentScanner[] = [];
  const articleScanners: Array<ArticleScanner<unknown>> = [];
  for (const info of RULES) {
    const level = settings.rules[info.id]?.level ?? 'off';
    if (level === 'off') continue;
    severity[info.id] = level;
    const rule = RULE_IMPLEMENTATIONS[info.id];
    if (rule.kind === 'segment') segmentScanners.push(rule.create(config));
    else articleScanners.push(rule.create(config) as ArticleScanner<unknown>);
  }

  const allowsFix = createFixVetter(
    segmentScanners,
    articleScanners.flatMap((scanner) => (scanner.allowsFix ? [scanner.allowsFix] : [])),
  );
  const reach = fixReach(lists);
  let cache = new Map<string, Analysis>();
  let language: ArticleContent['language'] | null = null;

  const build: Builder = (rule, segment, start, end, message, fix, analysis, rank) => {
    const text = segment.text.slice(start, end);
    let print: string;
    if (start === 0 && end === segment.text.length && end > 64) print = analysis.wholePrint ??= fingerprint(text);
    else print = fingerprint(text);
    const finding: Finding = { id: findingId(rule, segment.where, start, end, text, print), rule, severity: severity[rule], message, location: locationOf(segment, start, end), text };
    if (fix && rank < MAX_FIXES_PER_SEGMENT) {
      const edit: FixEdit = { rule, segment, start, end, replacement: fix.replacement, language: language!, reach };
      if (allowsFix(edit, analysis.vetted)) finding.fix = fix;
    }
    return finding;
  };

  function analyze(text: string): Analysis {
    let raw: RawFinding[] = [];
    for (const scan of segmentScanners) {
      const found = scan(text);
      if (found.length > 0) raw = raw.length === 0 ? found.slice() : raw.concat(found);
    }
    if (raw.length > 1) raw.sort(compare);
    const facts = articleScanners.map((scanner) => (scanner.scan ? scanner.scan(text) : undefined));
    const rawFixes = raw.reduce((count, f) => count + (f.fix ? 1 : 0), 0);
    return { raw, facts, memoWhere: null, memo: [], wholePrint: null, vetted: newVetMemo(), rawFixes };
  }

  function materialize(analysis: Analysis, segment: Segment): Finding[] {
    if (analysis.raw.length === 0) return analysis.memo;
    const key = memoKey(segment);
    if (analysis.memoWhere === key) return analysis.memo;
    let rank = 0;
    analysis.memo = analysis.raw.map((f) => build(f.rule, segment, f.start, f.end, f.message, f.fix, analysis, f.fix ? rank++ : 0));
    analysis.memoWhere = key;
    return analysis.memo;
  }

  function check(content: ArticleContent): Finding[] {
    // Whether a fix is offered may depend on the language (headline lengths): a new language starts afresh.
    if (content.language !== language) cache = new Map();
    language = content.language;
    const segments = extractSegments(content);
    const next = new Map<string, Analysis>();
    const analyses: Analysis[] = new Array(segments.length);
    for (let i = 0; i < segments.length; i++) {
      const text = segments[i]!.text;
      let analysis = next.get(text);
      if (!analysis) {
        analysis = cache.get(text) ?? analyze(text);
        next.set(text, analysis);
      }
      analyses[i] = analysis;
    }
    cache = next;

    const extra = new Map<number, SegmentFinding[]>();
    for (let k = 0; k < articleScanners.length; k++) {
      const facts = new Array<unknown>(segments.length);
      for (let i = 0; i < segments.length; i++) facts[i] = analyses[i]!.facts[k];
      for (const finding of articleScanners[k]!.collect({ content, segments, facts })) {
        const list = extra.get(finding.segment);
        if (list) list.push(finding);
        else extra.set(finding.segment, [finding]);
      }
    }

    const out: Finding[] = [];
    const ids = new Set<string>();
    const add = (finding: Finding) => {
      if (ids.has(finding.id)) return;
      ids.add(finding.id);
      out.push(finding);
    };
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const base = materialize(analyses[i]!, segment);
      const more = extra.get(i);
      if (!more) {
        for (const finding of base) add(finding);
        continue;
      }
      const analysis = analyses[i]!;
      let rank = analysis.rawFixes;
      const built = more.map((f) => build(f.rule, segment, f.start, f.end, f.message, f.fix, analysis, f.fix ? rank++ : 0));
      const merged = base.length === 0 && built.length === 1 ? built : base.concat(built).sort(compareFindings);
      for (const finding of merged) add(finding);
    }
    return out;
  }

  return { settings, lists, check };
}

/** Every finding for `content` under the workspace's settings and lists. */
export function runChecks(content: ArticleContent, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, lists: HouseLists = EMPTY_HOUSE_LISTS): Finding[] {
  return createChecker(settings, lists).check(content);
}
