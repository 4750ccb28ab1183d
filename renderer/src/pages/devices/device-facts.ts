import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/format';

/**
 * The key facts of a computer's or medium's event as short `标签：值` lines. Device
 * payloads share field names across types (approval, borrower, note…), so one ordered list
 * of known fields serves every type; the registration's full record is on the page itself.
 */
const ORDER = [
  'user',
  'startedAt',
  'endedAt',
  'work',
  'highestLevel',
  'media',
  'anomalies',
  'recipient',
  'pledgeOn',
  'borrower',
  'bearer',
  'computerNumber',
  'otherComputer',
  'operation',
  'summary',
  'level',
  'operator',
  'message',
  'checkedOn',
  'formerLevel',
  'from',
  'to',
  'length',
  'nextDueOn',
  'mode',
  'fault',
  'repairer',
  'supervisor',
  'removedDiskSerials',
  'diskKeptAt',
  'acceptedBy',
  'partsReplaced',
  'partsDisposition',
  'disksReinstalled',
  'destination',
  'reason',
  'dueOn',
  'untilOn',
  'approver',
  'approval',
  'method',
  'place',
  'handledBy',
  'reportedTo',
  'circumstances',
  'intact',
  'checkedBy',
  'before',
  'after',
  'automatic',
  'name',
  'sha256',
  'names',
  'note',
] as const;

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const nameOf = (v: unknown): string | null => (isDict(v) && typeof v['name'] === 'string' ? v['name'] : null);

/** Turns a person id (as in a 变更's before/after) into a name, when known. */
export type NameOfId = (id: string) => string | null;

const LEVEL_KEYS = new Set(['highestLevel', 'level', 'formerLevel', 'from', 'to']);

function valueText(t: TFunction, lang: string, key: string, v: unknown, nameOfId: NameOfId): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (LEVEL_KEYS.has(key) && typeof v === 'string') return t(`level.${v}`, { defaultValue: v });
  switch (key) {
    case 'startedAt':
    case 'endedAt':
      return formatDateTime(String(v), lang);
    case 'media':
      return Array.isArray(v) && v.length ? v.map((m) => (isDict(m) ? String(m['number']) : String(m))).join('、') : null;
    case 'removedDiskSerials':
    case 'names':
      return Array.isArray(v) && v.length ? v.join('、') : null;
    case 'operation':
      return t(`devices.operation.${String(v)}`, { defaultValue: String(v) });
    case 'mode':
      return t(`devices.repairMode.${String(v)}`, { defaultValue: String(v) });
    case 'message':
      return String(v);
    case 'length':
      return t('devices.fact.lengthValue', { count: Number(v) });
    case 'approval':
      if (!isDict(v)) return null;
      return `${nameOf(v['approver']) ?? ''}（${t(`approverRole.${String(v['role'])}`, { defaultValue: String(v['role']) })}，${String(v['approvedOn'] ?? '')}）`;
    case 'intact':
    case 'disksReinstalled':
    case 'automatic':
      if (v !== true && v !== false) return null;
      if (key === 'automatic') return v ? t('devices.fact.automaticYes') : null;
      return v ? t('devices.yes') : t('devices.no');
    case 'before':
    case 'after':
      return isDict(v)
        ? Object.entries(v)
            .map(([k, x]) => `${t(`devices.change.${k}`, { defaultValue: k })}=${changeValue(k, x, nameOfId)}`)
            .join('，')
        : null;
    default:
      return nameOf(v) ?? (isDict(v) || Array.isArray(v) ? JSON.stringify(v) : String(v));
  }
}

function changeValue(key: string, v: unknown, nameOfId: NameOfId): string {
  if (v === null || v === undefined || v === '') return '—';
  if ((key === 'userId' || key === 'responsibleId') && typeof v === 'string') return nameOfId(v) ?? v;
  return String(v);
}

export function deviceFacts(t: TFunction, lang: string, stored: Dict, nameOfId: NameOfId): string[] {
  // A refused use (R-36) keeps what was attempted beside the refusal: shown as its facts.
  const attempt = isDict(stored['attempt']) ? stored['attempt'] : {};
  const payload: Dict = { ...attempt, ...stored };
  const facts: string[] = [];
  for (const key of ORDER) {
    if (!(key in payload)) continue;
    // Enabling at the level it already had says nothing new.
    if (key === 'formerLevel' && payload['formerLevel'] === payload['level']) continue;
    const text = valueText(t, lang, key, payload[key], nameOfId);
    if (text === null) continue;
    facts.push(`${t(`devices.fact.${key}`)}：${text}`);
  }
  return facts;
}
