import type { TFunction } from 'i18next';

/**
 * The key facts of an event's payload as short `标签：值` lines. Payloads differ by event
 * type but share their field names (borrower, approval, witnesses…), so one ordered list
 * of known fields covers every type. Fields not listed (the full record a registration
 * carries, its marking) are shown elsewhere on the page or left to the audit log.
 */
const ORDER = [
  'receiver',
  'receiptNo',
  'itemsInDelivery',
  'originalNumber',
  'recipient',
  'dispatchNo',
  'transfer',
  'reader',
  'borrower',
  'bearer',
  'from',
  'to',
  'kind',
  'count',
  'copies',
  'destination',
  'reason',
  'dueOn',
  'untilOn',
  'basis',
  'decidedBy',
  'formerMarking',
  'applicant',
  'maker',
  'approval',
  'leader',
  'method',
  'place',
  'witnesses',
  'destroyer',
  'listIndex',
  'reportedTo',
  'circumstances',
  'where',
  'intact',
  'checkedBy',
  'correctsEventId',
  'before',
  'after',
  'note',
] as const;

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

export const nameOf = (v: unknown): string | null => (isDict(v) && typeof v['name'] === 'string' ? v['name'] : null);

const labelOr = (t: TFunction, key: string, raw: string): string => {
  const s = t(key, { defaultValue: '' });
  return s || raw;
};

function valueText(t: TFunction, key: string, v: unknown, payload: Dict): string | null {
  if (v === null || v === undefined || v === '') return null;
  switch (key) {
    case 'transfer': {
      if (!isDict(v)) return null;
      const couriers = Array.isArray(v['couriers']) ? v['couriers'].map(nameOf).filter(Boolean).join('、') : '';
      const method = labelOr(t, `transferMethod.${String(v['method'])}`, String(v['method']));
      return couriers ? `${method}（${couriers}）` : method;
    }
    case 'approval':
      if (!isDict(v)) return null;
      return `${nameOf(v['approver']) ?? ''}（${labelOr(t, `approverRole.${String(v['role'])}`, String(v['role']))}，${String(v['approvedOn'] ?? '')}）`;
    case 'copies':
      return Array.isArray(v) ? v.map((c) => (isDict(c) ? String(c['number']) : String(c))).join('、') : null;
    case 'witnesses':
      return Array.isArray(v) ? v.map(nameOf).filter(Boolean).join('、') : null;
    case 'kind':
      return labelOr(t, `copyKind.${String(v)}`, String(v));
    case 'method':
      return labelOr(t, `destructionMethod.${String(v)}`, String(v));
    case 'basis':
      return labelOr(t, `declassifyBasis.${String(v)}`, String(v));
    case 'intact':
      return v === true ? t('fact.intactYes') : t('fact.intactNo');
    case 'listIndex':
      return `${String(v)} / ${String(payload['listSize'] ?? '?')}`;
    case 'correctsEventId':
      return `#${String(v)}`;
    case 'before':
    case 'after':
      return isDict(v) ? Object.entries(v).map(([k, x]) => `${labelOr(t, `carrier.${k}`, k)}=${plain(x)}`).join('，') : null;
    default:
      return nameOf(v) ?? plain(v);
  }
}

function plain(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (isDict(v)) {
    if (typeof v['kind'] === 'string') return termText(v);
    return nameOf(v) ?? JSON.stringify(v);
  }
  return String(v);
}

/** A stored term, as in a correction's before/after. */
function termText(v: Dict): string {
  if (v['kind'] === 'years') return `${String(v['value'])}年`;
  if (v['kind'] === 'months') return `${String(v['value'])}个月`;
  if (v['kind'] === 'long') return '长期';
  return String(v['text'] ?? '');
}

export function timelineFacts(t: TFunction, type: string, payload: Dict): string[] {
  const facts: string[] = [];
  for (const key of ORDER) {
    if (!(key in payload)) continue;
    const v = payload[key];
    const text = valueText(t, key, v, payload);
    if (text === null) continue;
    const label = type === 'reclassified' && (key === 'from' || key === 'to') ? t(`fact.marking_${key}`) : t(`fact.${key}`);
    facts.push(`${label}：${text}`);
  }
  return facts;
}
