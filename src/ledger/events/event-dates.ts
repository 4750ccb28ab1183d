import { sql, sqlList } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import type { LedgerContext } from '../ledger-context';
import { eventById, type EntityKind, type NewEvent } from './event-store';

/**
 * The entities whose events are the dated steps of one life. A step dated in the future or
 * before the step it follows breaks what the registers and timers read from the dates: a
 * loan before its item was received, a return before its loan, an R-30 deadline counted
 * from a loss reported "in 2030", an R-03 term "ended" on a day that has not come.
 */
const DATED: Partial<Record<EntityKind, string>> = { carrier: '载体', computer: '计算机', medium: '介质' };

/** A refused use kept as a finding: dated the day it was refused, not a step of the life. */
const RECORDS = ['use_refused'] as const;

/**
 * Uses (R-32 usage book, register 11) are entered afterwards, a missed day filled in after
 * a later one: among themselves they come in any order, but never before the latest change
 * of the device (enabled, repaired, issued ...), and no change is dated before a use.
 */
const USES = ['usage_started', 'usage_ended', 'used'] as const;

/** A fact the officer records has happened: it is not dated after today. */
export function checkNotFuture(ctx: Pick<LedgerContext, 'today'>, date: string, what = '日期'): void {
  if (date > ctx.today) throw new AppError('VALIDATION', `${what} ${date} 晚于今天（${ctx.today}），不能登记未来的事项`);
}

/** `earlier` (e.g. 定密日期) is not after `later` (e.g. 收文日期), both named for the message. */
export function checkDateOrder(earlier: { date: string; what: string }, later: { date: string; what: string }): void {
  if (earlier.date > later.date) {
    throw new AppError('VALIDATION', `${earlier.what} ${earlier.date} 晚于${later.what}（${later.date}），${earlier.what}不能晚于${later.what}`);
  }
}

/**
 * The one date check every event of a carrier, computer or medium passes before it is
 * written: not after today, and not before the entity's latest earlier event.
 *
 * A correction (it points at the event it corrects) is entered on the day the mistake is
 * found, which may be long after later steps: it is only held to today and to the date of
 * the event it corrects, and it is left out when later steps are compared, so that a step
 * entered after a correction may still carry its own, earlier, date.
 */
export function checkEventDate(ctx: Pick<LedgerContext, 'db' | 'today'>, e: NewEvent): void {
  const label = DATED[e.entity];
  if (!label) return;
  checkNotFuture(ctx, e.occurredOn);
  if (e.corrects != null) {
    const wrong = eventById(ctx.db, e.corrects);
    if (wrong && e.occurredOn < wrong.occurredOn) {
      throw new AppError('VALIDATION', `更正日期 ${e.occurredOn} 早于被更正记录的日期（${wrong.occurredOn}）`);
    }
    return;
  }
  if ((RECORDS as readonly string[]).includes(e.type)) return;
  const ignored: readonly string[] = (USES as readonly string[]).includes(e.type) ? [...RECORDS, ...USES] : RECORDS;
  const { last } = sql(
    ctx.db,
    `SELECT max(occurred_on) AS last FROM events
     WHERE entity = ? AND entity_id = ? AND corrects IS NULL AND type NOT IN ${sqlList(ignored)}`,
  ).get(e.entity, e.entityId) as { last: string | null };
  if (last !== null && e.occurredOn < last) {
    const who = e.subject ? `${label} ${e.subject}：` : '';
    throw new AppError('VALIDATION', `${who}日期 ${e.occurredOn} 早于该${label}上一条记录的日期（${last}），请按发生的先后登记`);
  }
}
