/**
 * Which rows of a long list to render for a scroll position (the library of 100,000 articles
 * renders a screenful, not every row), and which window of rows to ask the index for.
 */
export interface ListViewport {
  scrollTop: number;
  height: number;
  rowHeight: number;
  /** Rows in the whole list. */
  total: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blanks. */
  overscan?: number;
}

export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
  /** Space above the first rendered row, and below the last, in pixels. */
  padTop: number;
  padBottom: number;
}

export function rowWindow({ scrollTop, height, rowHeight, total, overscan = 10 }: ListViewport): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, Math.min(scrollTop, total * rowHeight - height));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(0, height) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}

/**
 * The page of rows to fetch so the window is covered: aligned to `pageSize`, so scrolling a
 * little asks for the same page again (and a cache answers) instead of a slightly shifted one.
 */
export function pageFor(window: RowWindow, pageSize: number): { offset: number; limit: number } {
  const offset = Math.floor(window.start / pageSize) * pageSize;
  const last = Math.max(window.end, window.start + 1);
  return { offset, limit: Math.ceil((last - offset) / pageSize) * pageSize };
}
