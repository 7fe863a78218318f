export { diffArticles, DIFF_FIELDS, type ArticleDiff, type BlockKind, type BodyEntry, type DiffField, type DiffSummary, type EntryStatus, type FieldDiff, type FigureEntry, type TextEntry } from './article-diff';
export { defaultComparison, type Comparison, type ComparisonReason } from './comparison';
export { revisionGroups, type GroupOptions, type RevisionGroup } from './groups';
export { AUTO_REVISION_IDLE_MS, AUTO_REVISION_MAX_MS, autoRevisionDueAt, isAutoRevisionDue, pendingEdits, type PendingEdits } from './policy';
export { REVISION_KINDS, REVISION_LABEL_MAX, RevisionSchema, revisionProblem, type Revision, type RevisionKind } from './revision';
export { countChanges, diffText, sideText, tidyParts, type DiffPart, type DiffPartKind } from './text-diff';
