import type { FormErrors } from '@mantine/form';
import type { SyntheticEvent } from 'react';

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, [tabindex]:not([tabindex="-1"])';

/** The element to focus for a field: Mantine puts data-path on the input itself, but a group may carry it on a wrapper. */
const focusTarget = (el: Element): HTMLElement | null => {
  const target = el.matches(FOCUSABLE) ? el : el.querySelector(FOCUSABLE);
  if (!(target instanceof HTMLElement) || !target.isConnected) return null;
  return target.matches(':disabled') ? null : target;
};

const byDocumentOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/**
 * The failure handler for `form.onSubmit(submit, focusFirstError)`: moves focus to the first
 * field in error, in the order the officer reads the form, and scrolls it into view. Without
 * it, Enter on a long form (a receipt of twenty items) left focus where it was and the only
 * sign of the refusal was a red field somewhere off screen.
 */
export function focusFirstError(errors: FormErrors, _values?: unknown, event?: SyntheticEvent<HTMLFormElement>): void {
  // Only this form's fields: a page can hold several forms with the same field names.
  const form = event?.currentTarget;
  const root: ParentNode = form instanceof HTMLElement ? form : document;
  const paths = new Set(Object.keys(errors).filter((p) => errors[p] != null && errors[p] !== false));
  if (paths.size === 0) return;
  // The errors render on the next commit; by the next task aria-invalid marks every field in
  // error, including inputs that do not carry data-path (a custom select, a group).
  setTimeout(() => {
    const candidates = [
      ...[...root.querySelectorAll('[data-path]')].filter((el) => paths.has(el.getAttribute('data-path') ?? '')),
      ...root.querySelectorAll('[aria-invalid="true"]'),
    ]
      .map(focusTarget)
      .filter((el): el is HTMLElement => el !== null);
    const first = [...new Set(candidates)].sort(byDocumentOrder)[0];
    if (!first) return;
    first.focus({ preventScroll: true });
    // jsdom has no scrollIntoView; the app's Chromium does.
    first.scrollIntoView?.({ block: 'center' });
  }, 0);
}
