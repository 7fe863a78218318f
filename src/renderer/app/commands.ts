import type { MenuCommand } from '../../shared/contract/bridge';

export type Command = MenuCommand;

/** Menu items and keyboard shortcuts, delivered to whichever feature handles each. */
export class Commands {
  private readonly handlers = new Map<Command, Set<() => void>>();

  on(command: Command, handler: () => void): () => void {
    const set = this.handlers.get(command) ?? new Set();
    set.add(handler);
    this.handlers.set(command, set);
    return () => void set.delete(handler);
  }

  run(command: Command): void {
    for (const handler of this.handlers.get(command) ?? []) handler();
  }
}
