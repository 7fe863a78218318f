import type { LeaseHolder } from '../../shared/contract/lease-api';
import { Store } from '../app/store';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';

export interface LeasesView {
  /** Who holds each article someone holds now, by article id. */
  holders: Readonly<Record<string, LeaseHolder>>;
  /** Lease files that do not count (a signature that does not verify, a clock far ahead), named. */
  problems: ReadonlyArray<{ file: string; problem: string }>;
}

/** Who is editing which article, at which desk: read again when lease files change, and with each heartbeat (leases lapse without any file changing). */
export class LeasesStore extends Store<LeasesView> {
  constructor(private readonly report: (error: unknown) => void) {
    super({ holders: {}, problems: [] });
  }

  refresh = async (): Promise<void> => {
    try {
      const { holders, problems } = await unwrap(api.listLeases({}));
      this.set({ holders: Object.fromEntries(holders.map((holder) => [holder.article, holder])), problems });
    } catch (error) {
      this.report(error);
    }
  };
}

/** The same claim (a renewal changes only its heartbeat). */
export function sameHolder(a: LeaseHolder | null | undefined, b: LeaseHolder | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.personId === b.personId && a.deskId === b.deskId && a.since === b.since && a.mine === b.mine;
}
