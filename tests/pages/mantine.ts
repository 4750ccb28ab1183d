import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Mantine's Select and Autocomplete render their options in a portal, outside the field.
 * A searchable Select is driven the way the officer would: type part of the name, then
 * pick the option; a free-text name field is typed and left with Tab (which closes its
 * dropdown without choosing anything).
 */
export async function pickOption(page: Page, field: Locator, option: string | RegExp, typed?: string): Promise<void> {
  await field.click();
  if (typed !== undefined) await field.fill(typed);
  const name = typeof option === 'string' ? new RegExp(`^${escape(option)}`) : option;
  const choice = page.getByRole('option', { name }).first();
  await expect(choice).toBeVisible();
  await choice.click();
}

/**
 * A labelled field: text, date and number inputs are textboxes, Mantine's Select and
 * Autocomplete comboboxes. Matched by accessible name, since the visible label of a
 * required field ends with Mantine's asterisk.
 */
export const input = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('textbox', { name, exact: true }).or(scope.getByRole('combobox', { name, exact: true }));

export async function typeName(field: Locator, name: string): Promise<void> {
  await field.fill(name);
  await field.press('Tab');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A business date `days` from today (negative: in the past), as the app stores it. */
export function isoDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const toast = (page: Page, text: string | RegExp): Locator => page.getByRole('alert').filter({ hasText: text });
