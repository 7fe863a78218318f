/** A ref callback: focuses a restored text field with the caret after what was already written. */
export function focusAtEnd(field: HTMLInputElement | HTMLTextAreaElement | null): void {
  if (!field || field.dataset.focused) return;
  field.dataset.focused = 'true';
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
}
