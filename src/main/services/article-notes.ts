/**
 * An article's annotations and "ignore here" decisions: the signed events of its log, and for
 * an upgraded format-1 article also the ones made before signatures (shown as unsigned).
 */
import { join } from 'node:path';
import type { AnnotationEvent, AnnotationThread } from '../../shared/annotations/events';
import { buildThreads } from '../../shared/annotations/threads';
import type { Ignore } from '../../shared/checks/index';
import type { ArticleState } from './article-logs';
import { AnnotationStore } from './legacy/annotation-store';
import { IgnoreStore } from './legacy/ignore-store';

export interface Annotations {
  threads: AnnotationThread[];
  events: AnnotationEvent[];
  /** Lines of format-1 files that could not be read. */
  problems: string[];
  /** Comments made before signatures (format 1). */
  unsigned: string[];
}

function attested(state: ArticleState): boolean {
  return state.roster.verdict.snapshot.attestations.has(state.id);
}

export async function annotationsOf(articleDir: string, state: ArticleState): Promise<Annotations> {
  const legacy = attested(state) ? await new AnnotationStore(join(articleDir, 'annotations')).load() : { events: [], problems: [] };
  const events = [...legacy.events, ...state.verdict.annotations];
  const unsigned = legacy.events.flatMap((event) => ('comment' in event ? [event.comment] : []));
  return { threads: buildThreads(events), events, problems: legacy.problems, unsigned: [...new Set(unsigned)] };
}

export async function ignoresOf(articleDir: string, state: ArticleState): Promise<Ignore[]> {
  const legacy = attested(state) ? await new IgnoreStore(join(articleDir, 'ignores')).load() : [];
  return [...legacy, ...state.verdict.ignores].sort((a, b) => a.at.localeCompare(b.at));
}
