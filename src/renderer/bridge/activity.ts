/**
 * When this window last made a call that counts as work (anything but asking how the desk
 * stands): the page's idle timer reads it, the same rule as the main process's idle lock.
 */
let lastActivity = Date.now();

const PASSIVE = new Set(['getSession', 'rescanWorkspace']);

export function noteCall(name: string): void {
  if (!PASSIVE.has(name)) lastActivity = Date.now();
}

export function msSinceActivity(): number {
  return Date.now() - lastActivity;
}
