import { useRef, useSyncExternalStore } from 'react';

/**
 * A small observable value, the shape of every store of the page: a snapshot that changes identity
 * when it changes, and listeners. Each feature's store extends it with its own actions.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  protected set(next: T | ((previous: T) => T)): void {
    const value = typeof next === 'function' ? (next as (previous: T) => T)(this.value) : next;
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  protected patch(change: Partial<T>): void {
    this.set((previous) => ({ ...previous, ...change }));
  }
}

/** A store whose value anyone may set (a tab, a count). */
export class Value<T> extends Store<T> {
  readonly put = (next: T | ((previous: T) => T)): void => this.set(next);
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** One part of a store's value; the component re-renders only when that part changes. */
export function useSelect<T, S>(store: Store<T>, pick: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => pick(store.get()));
}

/**
 * One part of a store's value that `pick` makes anew on each read (a filtered list, a lookup):
 * while `alike` says the new part is the same as the one the component has, it keeps that one
 * and does not re-render.
 */
export function useSelectAlike<T, S>(store: Store<T>, pick: (value: T) => S, alike: (a: S, b: S) => boolean): S {
  const kept = useRef<{ value: S } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const next = pick(store.get());
    if (kept.current && alike(kept.current.value, next)) return kept.current.value;
    kept.current = { value: next };
    return next;
  });
}
