import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { highlightName, placeChanges, showInsertions, type ChangeMarker } from './change-marks';
import { authorColour, describeChange } from './describe';

/** How long the page waits after typing stops before the marks follow the text. */
const SETTLE_MS = 250;

/**
 * The body's changes since the chosen base, over the copy and not in it: inserted text
 * highlighted in its author's colour (CSS highlights), and at every insertion, deletion and
 * removed paragraph a small mark that names who, at which stage and when, on hover and to
 * the keyboard. Typing never waits for it: the marks follow once the text settles.
 */
export function ChangesOverlay() {
  const { t, i18n } = useTranslation();
  const open = useOpenArticle();
  const { since } = useStore(open.changes);
  const { view } = useStore(open.suggestions);
  const layer = useRef<HTMLDivElement>(null);
  const [markers, setMarkers] = useState<ChangeMarker[]>([]);
  const tracked = view === 'changes' ? (since?.tracked ?? null) : null;

  useEffect(() => {
    const editor = open.editor.current;
    let authors = 0;
    if (!editor || !tracked) {
      setMarkers([]);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const place = () => {
      const page = layer.current?.parentElement;
      if (!page) return;
      const marks = placeChanges(editor, tracked, page.getBoundingClientRect());
      authors = showInsertions(marks, authors);
      setMarkers(marks.markers);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(place, SETTLE_MS);
    };
    place();
    const stop = editor.registerUpdateListener(later);
    window.addEventListener('resize', later);
    return () => {
      clearTimeout(timer);
      stop();
      window.removeEventListener('resize', later);
      showInsertions(null, authors);
    };
  }, [open.editor, tracked]);

  const rules = tracked
    ? tracked.authors.map((author, who) => `::highlight(${highlightName(who)}) { background-color: color-mix(in srgb, ${authorColour(author)} 22%, transparent); text-decoration: underline 2px ${authorColour(author)}; }`).join('\n')
    : '';
  return (
    <div ref={layer} className="changes-layer">
      <style>{rules}</style>
      {tracked &&
        markers.map((marker) => {
          const author = tracked.authors[marker.who]!;
          const label = describeChange(t, i18n.language, author, marker.kind, marker.text);
          return (
            <span
              key={marker.key}
              className={`change-marker change-${marker.kind}`}
              role="note"
              tabIndex={0}
              title={label}
              aria-label={label}
              style={{ left: marker.left, top: marker.top, ['--change-colour' as string]: authorColour(author) }}
            />
          );
        })}
    </div>
  );
}
