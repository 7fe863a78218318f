/**
 * What checking a line found, remembered by the line's hash: a line's bytes decide how it
 * parses and whether a signature on it verifies under a given key, so a line seen before need
 * not be decoded, validated or verified again. Whatever is remembered, the links between lines
 * (seq, prev, time, writer) and every rule are checked afresh on each verification.
 */
import type { OpenedEnvelope } from './envelope';
import type { PayloadRead } from './log-files';
import type { PayloadHeader } from './payload';

export interface MemoLine {
  /** The parsed envelope, or null when the line is not one (then `detail` says why). */
  opened: OpenedEnvelope | null;
  detail: string;
  read: PayloadRead<PayloadHeader> | null;
  /** keyid → whether that key's signature on the line verifies. */
  signatures: Map<string, boolean>;
}

export interface LineMemo {
  get(key: string): MemoLine | undefined;
  set(key: string, line: MemoLine, chars: number): void;
}

/** A memo that forgets the least recently used lines beyond `maxChars` characters of lines. */
export class BoundedLineMemo implements LineMemo {
  private readonly lines = new Map<string, { line: MemoLine; chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = 32 * 1024 * 1024) {}

  get(key: string): MemoLine | undefined {
    const found = this.lines.get(key);
    if (!found) return undefined;
    this.lines.delete(key);
    this.lines.set(key, found);
    return found.line;
  }

  set(key: string, line: MemoLine, chars: number): void {
    const old = this.lines.get(key);
    if (old) this.chars -= old.chars;
    this.lines.delete(key);
    this.lines.set(key, { line, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.lines) {
      if (this.chars <= this.maxChars) break;
      this.lines.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  get size(): number {
    return this.lines.size;
  }
}
