import type { Arrival } from '../../shared/library/arrivals';
import { Store } from '../app/store';

/** At most this many notices at once; older ones make way. */
const SHOWN = 4;

/** What arrived for the person at this desk from other desks, until they open or dismiss it. */
export class ArrivalsStore extends Store<Arrival[]> {
  constructor() {
    super([]);
  }

  add = (arrived: readonly Arrival[]): void => {
    if (arrived.length === 0) return;
    this.set((shown) => {
      const ids = new Set(arrived.map((arrival) => arrival.id));
      return [...shown.filter((arrival) => !ids.has(arrival.id)), ...arrived].slice(-SHOWN);
    });
  };

  dismiss = (id: string): void => this.set((shown) => shown.filter((arrival) => arrival.id !== id));

  clear = (): void => this.set((shown) => (shown.length === 0 ? shown : []));
}
