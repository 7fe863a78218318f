import type { Stage } from '../review/stages';
import type { Revision, RevisionKind } from './revision';

/** A run of revisions made on one day at one review stage, as the history panel shows them. */
export interface RevisionGroup {
  /** Unique within one result: day, stage and position. */
  key: string;
  /** The calendar day, YYYY-MM-DD, in the time zone used. */
  day: string;
  /** The day written out in the interface language (Intl.DateTimeFormat, dateStyle long). */
  dayLabel: string;
  stage: Stage;
  /** Newest first. */
  revisions: Revision[];
  counts: Record<RevisionKind, number>;
}

export interface GroupOptions {
  /** IANA time zone for days; the environment's own by default. */
  timeZone?: string;
}

/**
 * Groups revisions for the history panel, newest first: consecutive revisions made on the
 * same day at the same stage form one group, so a day on which the article went from the
 * first to the second review shows two groups, and going back to a stage starts a new one.
 */
export function revisionGroups(revisions: readonly Revision[], language: string, options: GroupOptions = {}): RevisionGroup[] {
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayLabel = new Intl.DateTimeFormat(language, { timeZone: options.timeZone, dateStyle: 'long' });
  const newestFirst = [...revisions].sort((x, y) => y.n - x.n);
  const groups: RevisionGroup[] = [];
  for (const revision of newestFirst) {
    const when = new Date(revision.at);
    const day = isoDay(dayKey, when);
    let group = groups[groups.length - 1];
    if (!group || group.day !== day || group.stage !== revision.stage) {
      group = {
        key: `${day}|${revision.stage}|${groups.length}`,
        day,
        dayLabel: dayLabel.format(when),
        stage: revision.stage,
        revisions: [],
        counts: { auto: 0, save: 0, milestone: 0, restore: 0, upgrade: 0 },
      };
      groups.push(group);
    }
    group.revisions.push(revision);
    group.counts[revision.kind]++;
  }
  return groups;
}

function isoDay(format: Intl.DateTimeFormat, when: Date): string {
  const parts = format.formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
