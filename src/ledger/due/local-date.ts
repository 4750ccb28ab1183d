import dayjs from 'dayjs';

/**
 * The officer's calendar day (and month) of a recorded instant, in the machine's own time
 * zone, as ledgerContext computes `today`. Instants are stored in UTC, so their first ten
 * characters are Greenwich's day: from midnight to 08:00 in Beijing that is still yesterday,
 * and a count done on the morning of 1 December would be filed under November.
 */
export const localDate = (iso: string): string => dayjs(iso).format('YYYY-MM-DD');
export const localMonth = (iso: string): string => dayjs(iso).format('YYYY-MM');
