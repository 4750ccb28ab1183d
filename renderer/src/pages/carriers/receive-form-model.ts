import type { TFunction } from 'i18next';
import type { InputOf } from '../../../../src/api/contract';
import type { Settings } from '../../../../src/api/types';
import { termRule } from '../../components/fields/term-input';
import { LEVEL_LABELS, needsCopyNumbers, type CarrierType, type Level } from '../../lib/carrier-enums';
import { chosen, optionalWholeNumber, required, validDate, wholeNumber } from '../../lib/form-rules';
import { parseTermText } from '../../lib/term-text';

/** One item of the delivery as typed; numbers stay strings or '' until sent. */
export interface ReceiveItemValues {
  key: string;
  number: string;
  docNo: string;
  title: string;
  carrierType: CarrierType;
  issuer: string;
  level: Level | '';
  term: string;
  classifiedOn: string;
  scope: string;
  copies: number | string;
  copyNumbers: string;
  pages: number | string;
  capacity: string;
  custodianId: string | null;
  cabinetId: string | null;
  note: string;
}

export interface ReceiveValues {
  receivedOn: string;
  receiverId: string;
  items: ReceiveItemValues[];
}

let nextKey = 0;
/** React list keys for item rows (rows are added and removed in any order). */
const itemKey = (): string => `item-${++nextKey}`;

/** A new row: 纸质, one copy, marked today, issuer carried over from the row above. */
export const emptyItem = (on: string, issuer = ''): ReceiveItemValues => ({
  key: itemKey(),
  number: '',
  docNo: '',
  title: '',
  carrierType: 'paper',
  issuer,
  level: '',
  term: '',
  classifiedOn: on,
  scope: '',
  copies: 1,
  copyNumbers: '',
  pages: '',
  capacity: '',
  custodianId: null,
  cabinetId: null,
  note: '',
});

/** The row index inside a @mantine/form list path such as `items.2.copyNumbers`. */
const rowOf = (path: string): number => Number(path.split('.')[1]);

/**
 * The form's validators, with the messages the officer sees under each field. 份号 is
 * required for 绝密 and 机密 (R-02, S0/S2), and the message says which level asked for it.
 */
export function receiveRules(t: TFunction, settings: Settings | null) {
  const termCheck = termRule(t, settings);
  return {
    receivedOn: validDate(t, t('receive.receivedOn')),
    receiverId: chosen(t, t('receive.receiver')),
    items: {
      title: required(t, t('carrier.title')),
      level: chosen(t, t('carrier.level')),
      term: (v: string, values: ReceiveValues, path: string) => termCheck(v, values.items[rowOf(path)]?.level ?? ''),
      classifiedOn: validDate(t, t('carrier.classifiedOn')),
      copies: wholeNumber(t, t('carrier.copies'), 1, 9999),
      pages: optionalWholeNumber(t, t('carrier.pages'), 1, 99999),
      copyNumbers: (v: string, values: ReceiveValues, path: string) => {
        const level = values.items[rowOf(path)]?.level;
        return level && needsCopyNumbers(level) && v.trim() === ''
          ? t('receive.copyNumbersRequired', { level: LEVEL_LABELS[level] })
          : null;
      },
    },
  };
}

/** The typed delivery as carriers:receive input; run only after the rules passed. */
export function toReceiveInput(v: ReceiveValues): InputOf<'carriers:receive'> {
  return {
    receivedOn: v.receivedOn,
    receiverId: v.receiverId,
    items: v.items.map((i) => {
      const term = parseTermText(i.term);
      return {
        ...(i.number.trim() ? { number: i.number.trim() } : {}),
        docNo: i.docNo,
        title: i.title.trim(),
        carrierType: i.carrierType,
        issuer: i.issuer,
        level: i.level as Level,
        // Blank: none stated, so the core applies the level's maximum.
        term: term.ok ? term.term : null,
        classifiedOn: i.classifiedOn,
        scope: i.scope,
        copies: Number(i.copies),
        copyNumbers: i.copyNumbers.trim(),
        pages: i.pages === '' ? null : Number(i.pages),
        capacity: i.capacity,
        // Whoever signs for the delivery keeps what nobody else was named for.
        custodianId: i.custodianId || v.receiverId,
        cabinetId: i.cabinetId,
        note: i.note,
      };
    }),
  };
}
