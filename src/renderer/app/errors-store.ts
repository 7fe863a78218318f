import i18next from 'i18next';
import { describeError } from './error-message';
import { Store } from './store';

export interface ShownError {
  id: number;
  message: string;
}

/** The errors shown in the banner: the last few, each once however often it happens. */
export class ErrorsStore extends Store<ShownError[]> {
  private next = 1;

  constructor() {
    super([]);
  }

  report = (error: unknown): void => {
    const message = describeError(i18next.t, error);
    this.set((list) => [...list.filter((shown) => shown.message !== message), { id: this.next++, message }].slice(-4));
  };

  dismiss = (id: number): void => this.set((list) => list.filter((shown) => shown.id !== id));
}
