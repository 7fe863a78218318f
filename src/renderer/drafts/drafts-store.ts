import { Store } from '../app/store';

const STORAGE_KEY = 'newsroom.drafts';

type Drafts = Readonly<Record<string, string>>;

function readStored(): Drafts {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Drafts) : {};
  } catch {
    return {};
  }
}

/** Where a draft belongs: the person writing it, the article, and which text it is. */
export const draftKey = (personId: string, articleId: string, field: string) => `${personId}|${articleId}|${field}`;

/**
 * Half-written opinions, reasons, comments and replies, kept per person and article until they
 * are sent, so switching tabs, articles or even reloading loses none. Kept in the window's
 * sessionStorage: they stay on this machine, in this window.
 */
export class DraftsStore extends Store<Drafts> {
  constructor() {
    super(readStored());
  }

  write = (key: string, text: string): void => {
    this.set((drafts) => {
      const { [key]: _old, ...rest } = drafts;
      return text === '' ? rest : { ...rest, [key]: text };
    });
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.get()));
    } catch {
      // A full or unavailable storage keeps the drafts in memory only.
    }
  };

  /** The text was sent: its draft is done. */
  clear = (key: string): void => this.write(key, '');
}
