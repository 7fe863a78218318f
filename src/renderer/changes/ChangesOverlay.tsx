import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { placeChanges, type ChangeMarks } from './change-marks';
import { authorColour, describeChange } from './describe';

const NO_MARKS: ChangeMarks = { inserted: [], markers: [] };

/** How long the page waits after typing stops before the marks follow the text. */
const SETTLE_MS = 250;

/**
 * The body's changes since the chosen base, over the copy and not in it: inserted text
 * tinted and underlined in its author's colour, and at every insertion, deletion and
 * removed paragraph a small mark that names who, at which stage and when, on hover and to
 * the keyboard. Typing never waits for it: the marks follow once the text settles.
 */
export function ChangesOverlay() {
  const { t, i18n } = useTranslation();
  const open = useOpenArticle();
  const tracked = useStore(open.shownChanges);
  const layer = useRef<HTMLDivElement>(null);
  const [marks, setMarks] = useState<ChangeMarks>(NO_MARKS);

  useEffect(() => {
    const editor = open.editor.current;
    if (!editor || !tracked) {
      setMarks(NO_MARKS);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const place = () => {
      const page = layer.current?.parentElement;
      if (!page) return;
      const next = placeChanges(editor, tracked, page.getBoundingClientRect());
      setMarks((shown) => (JSON.stringify(shown) === JSON.stringify(next) ? shown : next));
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(place, SETTLE_MS);
    };
    // New changes come after every save while someone types: they are placed once typing settles too.
    later();
    const stop = editor.registerUpdateListener(later);
    // The page reflows without an edit too: a picture loading, the window or the side panel resized.
    const page = layer.current?.parentElement;
    const resized = typeof ResizeObserver === 'function' && page ? new ResizeObserver(later) : null;
    if (page) resized?.observe(page);
    return () => {
      clearTimeout(timer);
      stop();
      resized?.disconnect();
    };
  }, [open.editor, tracked]);

  return (
    <div ref={layer} className="changes-layer">
      {tracked &&
        marks.inserted.map((box) => (
          <span
            key={box.key}
            className="change-inserted"
            aria-hidden="true"
            style={{ left: box.left, top: box.top, width: box.width, height: box.height, ['--change-colour' as string]: authorColour(tracked.authors[box.who]!) }}
          />
        ))}
      {tracked &&
        marks.markers.map((marker) => {
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
