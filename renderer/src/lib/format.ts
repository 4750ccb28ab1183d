/** Dates come from the core as ISO strings; shown in the officer's local time. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export const chainHeadLabel = (head: { seq: number; shortHash: string }): string =>
  `#${head.seq} ${head.shortHash}`;

type GetResource = (lng: string, ns: string, key: string) => unknown;

/**
 * The label under `audit.<group>.<name>` (for example the action `vault.unlocked`, or the
 * core's sentinel actors `system` and `unidentified`); anything unknown is shown raw.
 * Resources are read directly because i18next splits keys on the dots inside `name`.
 */
export function auditLabel(
  getResource: GetResource,
  lang: string,
  fallbackLang: string,
  group: 'action' | 'actor',
  name: string,
): string {
  const key = `audit.${group}.${name}`;
  const label = getResource(lang, 'translation', key) ?? getResource(fallbackLang, 'translation', key);
  return typeof label === 'string' ? label : name;
}
