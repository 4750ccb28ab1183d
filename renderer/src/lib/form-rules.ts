import type { TFunction } from 'i18next';
import { isIsoDate } from './dates';

/**
 * Validators for @mantine/form with the Chinese messages the officer sees under a field.
 * Each takes the field's visible label, so the message names what is missing.
 */
export const required =
  (t: TFunction, field: string) =>
  (v: unknown): string | null =>
    typeof v === 'string' && v.trim() !== '' ? null : t('form.required', { field });

export const chosen =
  (t: TFunction, field: string) =>
  (v: unknown): string | null =>
    typeof v === 'string' && v !== '' ? null : t('form.choose', { field });

export const validDate =
  (t: TFunction, field: string) =>
  (v: unknown): string | null => {
    if (typeof v !== 'string' || v === '') return t('form.required', { field });
    return isIsoDate(v) ? null : t('form.badDate', { field });
  };

export const wholeNumber =
  (t: TFunction, field: string, min: number, max: number) =>
  (v: unknown): string | null => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? null : t('form.range', { field, min, max });
  };

export const optionalWholeNumber =
  (t: TFunction, field: string, min: number, max: number) =>
  (v: unknown): string | null =>
    v === '' || v === null || v === undefined ? null : wholeNumber(t, field, min, max)(v);

/** NumberInput gives '' when empty. */
export const numberOrNull = (v: number | string): number | null =>
  v === '' || v === null ? null : typeof v === 'number' ? v : Number(v);
