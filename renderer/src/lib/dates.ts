import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

/** Business dates travel as YYYY-MM-DD, the officer's own calendar day. */
export const ISO_DATE = 'YYYY-MM-DD';
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const today = (): string => dayjs().format(ISO_DATE);

export const addDays = (date: string, days: number): string => dayjs(date).add(days, 'day').format(ISO_DATE);

export const firstOfMonth = (date: string): string => dayjs(date).startOf('month').format(ISO_DATE);

export const isIsoDate = (v: string): boolean => ISO_DATE_RE.test(v) && dayjs(v).format(ISO_DATE) === v;
