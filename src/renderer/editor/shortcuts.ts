/** Keyboard shortcuts of the body, written once for the key handling and for the tooltips. */
export const SHORTCUTS = {
  undo: 'Mod+Z',
  redo: 'Mod+Shift+Z',
  bold: 'Mod+B',
  italic: 'Mod+I',
  underline: 'Mod+U',
  paragraph: 'Mod+Alt+0',
  h2: 'Mod+Alt+2',
  h3: 'Mod+Alt+3',
} as const;

/** What typed at the start of a paragraph turns it into another block (Markdown style). */
export const MARKDOWN_STARTS = { h2: '## ', h3: '### ', quote: '> ', bullet: '- ', number: '1. ' } as const;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Alt+2" on Windows and Linux, "⌘⌥2" on a Mac. */
export function shortcutText(spec: string): string {
  if (!isMac()) return spec.replace('Mod', 'Ctrl');
  return spec.replace('Mod+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧');
}

/** The same in the form of aria-keyshortcuts ("Control+Alt+2", "Meta+Alt+2"). */
export function ariaShortcut(spec: string): string {
  return spec.replace('Mod', isMac() ? 'Meta' : 'Control');
}

/** The block a heading shortcut asks for: Ctrl/Cmd+Alt+0 a paragraph, +1 and +2 a subheading, +3 a minor one. */
export function headingShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): 'paragraph' | 'h2' | 'h3' | null {
  if (!(isMac() ? event.metaKey : event.ctrlKey) || !event.altKey || event.shiftKey) return null;
  switch (event.code) {
    case 'Digit0':
    case 'Numpad0':
      return 'paragraph';
    case 'Digit1':
    case 'Digit2':
    case 'Numpad1':
    case 'Numpad2':
      return 'h2';
    case 'Digit3':
    case 'Numpad3':
      return 'h3';
    default:
      return null;
  }
}
