import type { TFunction } from 'i18next';
import type { ChangeAuthor } from '../../shared/tracked/attribute';
import { personColour } from '../history/person-colour';
import { formatWhen } from '../i18n/i18n';

export type ChangeKind = 'insert' | 'delete' | 'removed';

const QUOTED_MAX = 60;

/** "Inserted by 王丽 · First review · 30 Nov 10:32: “高山”": what a change mark says on hover and to a screen reader. */
export function describeChange(t: TFunction, language: string, author: ChangeAuthor, kind: ChangeKind, text: string): string {
  const quoted = text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX)}…` : text;
  return t(`changes.${kind}`, { name: author.byName, stage: t(`stages.${author.stage}`), when: formatWhen(author.at, language), text: quoted });
}

/** The colour the history gives the person. */
export function authorColour(author: ChangeAuthor): string {
  return personColour(author.by || author.byName);
}
