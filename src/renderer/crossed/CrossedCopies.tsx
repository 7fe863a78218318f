import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePick } from '../../shared/merge/merge-content';
import { collisionText } from '../../shared/merge/collision-text';
import type { Collision, Crossed } from '../../shared/merge/crossed-schema';
import { diffText } from '../../shared/history/text-diff';
import { api } from '../bridge/bridge';
import { useAppStores } from '../app/app-stores';
import { describeError } from '../app/error-message';
import { useOpenArticle } from '../article/article-context';
import { DiffParts } from '../history/DiffParts';

/** Who made side a (every head but the last) and side b (the last), with when to the second (both are often in one minute). */
function sides(crossed: Crossed, language: string): { a: string; b: string } {
  const time = (at: string) => new Date(at).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const label = (heads: Crossed['heads']) => heads.map((head) => `${head.byName} · ${time(head.at)}`).join('; ');
  return { a: label(crossed.heads.slice(0, -1)), b: label(crossed.heads.slice(-1)) };
}

function CollisionChoice({ collision, names, pick, onPick, language }: { collision: Collision; names: { a: string; b: string }; pick: MergePick | undefined; onPick: (pick: MergePick) => void; language: string }) {
  const { t } = useTranslation();
  const text = useMemo(() => collisionText(collision), [collision]);
  const where = collision.where === 'field' ? t(`crossed.field.${collision.field}`) : t('crossed.body');
  const options: MergePick[] = collision.where === 'body' ? ['a', 'b', 'both'] : ['a', 'b'];
  return (
    <fieldset className="collision">
      <legend>{t('crossed.place', { n: collision.id + 1, where })}</legend>
      <div className="collision-sides">
        {(['a', 'b'] as const).map((side) => (
          <div key={side} className={`collision-side${pick === side || pick === 'both' ? ' collision-kept' : ''}`}>
            <p className="collision-who">{names[side]}</p>
            <p className="collision-text" lang={language}>
              <DiffParts parts={diffText(text.base, text[side], language)} />
            </p>
          </div>
        ))}
      </div>
      <div className="collision-picks" role="radiogroup" aria-label={t('crossed.pickFor', { n: collision.id + 1 })}>
        {options.map((option) => (
          <label key={option}>
            <input type="radio" name={`collision-${collision.id}`} checked={pick === option} onChange={() => onPick(option)} /> {t(`crossed.keep.${option}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Copies of the open article saved at the same time at different desks: what merged on its own
 * is said in a line; what collides is shown side by side, each version against the copy both
 * started from, for a person to pick. The copy cannot be edited until then.
 */
export function CrossedCopies({ canPick }: { canPick: boolean }) {
  const { t, i18n } = useTranslation();
  const open = useOpenArticle();
  const { opened } = useAppStores();
  const crossed = open.article.crossed;
  const [picks, setPicks] = useState<Record<number, MergePick>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!crossed) return null;
  const names = sides(crossed, i18n.language);
  const people = [...new Set(crossed.heads.map((head) => head.byName))].join('、');
  if (crossed.collisions.length === 0) {
    return (
      <p className="crossed-merged" role="status">
        {t('crossed.mergedOnItsOwn', { names: people, count: crossed.heads.length })}
      </p>
    );
  }
  const picked = crossed.collisions.filter((collision) => picks[collision.id] !== undefined).length;
  const merge = async () => {
    setBusy(true);
    const result = await api.mergeCrossed({ id: open.id, merged: crossed.heads.map((head) => head.id), picks: Object.entries(picks).map(([id, pick]) => ({ id: Number(id), pick })) });
    setBusy(false);
    if (!result.ok) setError(describeError(t, result.error));
    await opened.reload();
  };
  return (
    <section className="crossed" aria-labelledby="crossed-title">
      <h2 id="crossed-title">{t('crossed.title')}</h2>
      <p>{t('crossed.explain', { names: people, count: crossed.collisions.length })}</p>
      {crossed.collisions.map((collision) => (
        <CollisionChoice key={collision.id} collision={collision} names={names} pick={picks[collision.id]} onPick={(pick) => setPicks((now) => ({ ...now, [collision.id]: pick }))} language={open.article.language} />
      ))}
      {error && <p className="form-error" role="alert">{error}</p>}
      {canPick ? (
        <button type="button" className="primary" disabled={busy || picked < crossed.collisions.length} onClick={() => void merge()}>
          {t('crossed.merge', { picked, count: crossed.collisions.length })}
        </button>
      ) : (
        <p className="muted">{t('crossed.cannotPick')}</p>
      )}
    </section>
  );
}
