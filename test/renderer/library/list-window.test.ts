import { describe, expect, it } from 'vitest';
import { pageFor, rowWindow } from '../../../src/renderer/library/list-window';

describe('rowWindow', () => {
  const view = { height: 600, rowHeight: 40, total: 100_000, overscan: 5 };

  it('renders a screenful and the overscan at the top', () => {
    expect(rowWindow({ ...view, scrollTop: 0 })).toEqual({ start: 0, end: 21, padTop: 0, padBottom: (100_000 - 21) * 40 });
  });

  it('renders the rows under the viewport anywhere down the list, keeping the full height', () => {
    const window = rowWindow({ ...view, scrollTop: 40 * 50_000 + 13 });
    expect(window.start).toBe(50_000 - 5);
    expect(window.end).toBe(50_000 + 16 + 5);
    expect(window.padTop + (window.end - window.start) * 40 + window.padBottom).toBe(100_000 * 40);
  });

  it('stays within the list when scrolled past its end, and renders nothing for an empty one', () => {
    const window = rowWindow({ ...view, scrollTop: 10 ** 9 });
    expect(window.end).toBe(100_000);
    expect(window.padBottom).toBe(0);
    expect(rowWindow({ ...view, total: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(rowWindow({ ...view, total: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
  });
});

describe('pageFor', () => {
  it('asks for whole pages covering the window, the same page for small scrolls', () => {
    expect(pageFor({ start: 45, end: 71, padTop: 0, padBottom: 0 }, 50)).toEqual({ offset: 0, limit: 100 });
    expect(pageFor({ start: 55, end: 81, padTop: 0, padBottom: 0 }, 50)).toEqual({ offset: 50, limit: 50 });
    expect(pageFor({ start: 56, end: 82, padTop: 0, padBottom: 0 }, 50)).toEqual({ offset: 50, limit: 50 });
  });
});
