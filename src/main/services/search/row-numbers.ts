/**
 * Row numbers follow the time of an article's last update (milliseconds × ROW_SLOTS, plus a slot
 * for articles updated in the same millisecond), so the full-text index, which keeps its lists in
 * row order, can hand out the most recently updated matches first and stop (docs/search.md), and
 * a range of update times is a range of rows.
 */
export const ROW_SLOTS = 1024;
/** The year 2200: row numbers stay below 2^53, exact in JavaScript. */
const MAX_ROW_TIME = Date.parse('2200-01-01T00:00:00.000Z');

/** The first row number of an article updated at this time (milliseconds; anything unreadable is 0). */
export function rowNumberAt(time: number): number {
  return Math.max(0, Math.min(Number.isFinite(time) ? time : 0, MAX_ROW_TIME)) * ROW_SLOTS;
}
