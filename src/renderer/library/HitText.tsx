import type { ReactNode } from 'react';

interface HitTextProps {
  text: string;
  /** Stretches of `text` to mark, in order, not overlapping. */
  highlights: ReadonlyArray<{ start: number; end: number }>;
}

/** Text with the places a search matched marked (never HTML from anywhere: the ranges cut plain text). */
export function HitText({ text, highlights }: HitTextProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
