import type { i18n as I18n } from 'i18next';
import type { IpcError } from '../../../src/api/result';
import { isChinese } from '../i18n/i18n';

// Main's THROTTLED message names the wait in seconds at the time of the call; the screen
// shows a live countdown instead, so a fixed number beside it would contradict it.
const TRANSLATION_FIRST: ReadonlySet<string> = new Set(['THROTTLED']);

// For these the message names what was refused (the rule, the carrier, the field), which
// a translation by code alone would lose; other languages show both.
const WITH_DETAIL: ReadonlySet<string> = new Set(['RULE_VIOLATION', 'CONFLICT', 'VALIDATION']);

/**
 * Main's messages are Chinese and often more specific than a translation by code (for
 * example which R-10 requirements are missing), so a Chinese UI shows them as they are;
 * other languages use the translation of the code when there is one (followed by the
 * message where it names the rule or the record).
 */
export function errorText(i18n: I18n, error: IpcError): string {
  const key = `errors.${error.code}`;
  if (TRANSLATION_FIRST.has(error.code) && i18n.exists(key)) return i18n.t(key);
  if (isChinese(i18n) && error.message) return error.message;
  if (i18n.exists(key) && WITH_DETAIL.has(error.code) && error.message) return `${i18n.t(key)}: ${error.message}`;
  if (i18n.exists(key)) return i18n.t(key);
  return error.message || i18n.t('errors.INTERNAL');
}

/** THROTTLED (and possibly other unlock failures) say how long to wait. */
export function retryAfterMs(error: IpcError): number | null {
  const v = error.details?.['retryAfterMs'];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}
