import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { sql } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import { isHigher, LEVEL_LABELS } from '../classification/levels';
import { appendEntityEvent, recordTransition } from '../events/entity-transition';
import { inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { activePerson } from '../people/person-checks';
import { checkDistinctPeople, ruleError } from '../rule-checks';
import type { Computer } from './device-model';
import { computerByNumber, getComputer, saveComputer } from './device-repo';
import { checkComputerState, checkLevelRise, computerPasswordMinLength, passwordIntervalDays } from './device-rules';
import {
  destroyComputerSchema,
  enableComputerSchema,
  finishRepairSchema,
  moveComputerSchema,
  passwordChangedSchema,
  raiseComputerLevelSchema,
  registerComputerSchema,
  simpleComputerSchema,
  startRepairSchema,
} from './device-schemas';

const step = (ctx: LedgerContext, c: Computer, type: string, occurredOn: string, payload: Record<string, unknown>, next: Partial<Computer>) =>
  recordTransition(ctx, { entity: 'computer', current: c, type, occurredOn, payload, next, save: (x) => saveComputer(ctx.db, x) }).entity;

export function registerComputer(ctx: LedgerContext, input: unknown): Computer {
  const p = registerComputerSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    if (computerByNumber(ctx.db, p.fields.number)) throw new AppError('CONFLICT', `设备编号 ${p.fields.number} 已存在`);
    activePerson(ctx.db, p.fields.responsibleId, '责任人');
    if (p.fields.userId) activePerson(ctx.db, p.fields.userId, '使用人');
    const c: Computer = {
      ...p.fields,
      id: randomUUID(),
      osInstalledOn: p.fields.osInstalledOn ?? null,
      userId: p.fields.userId ?? null,
      enabledOn: null,
      checkedOn: null,
      passwordChangedOn: null,
      passwordDueOn: null,
      labelApplied: false,
      state: 'pending',
      lastEventId: 0,
    };
    const event = appendEntityEvent(ctx, { entity: 'computer', entityId: c.id, type: 'registered', occurredOn: p.registeredOn, payload: { fields: p.fields }, subject: c.number });
    const saved = { ...c, lastEventId: event.id };
    saveComputer(ctx.db, saved);
    return saved;
  });
}

/** put into use only after the security check, with the label on and the level set. */
export function enableComputer(ctx: LedgerContext, input: unknown): Computer {
  const p = enableComputerSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['pending', 'disabled'], '启用');
    if (!p.labelApplied) throw ruleError('R-31', '启用前须粘贴涉密计算机标识');
    if (p.checkedOn > p.occurredOn) throw ruleError('R-31', '保密技术检测须在启用之前完成');
    if (isHigher(c.level, p.level)) throw ruleError('R-04', `涉密计算机的密级只能升高，不能由${LEVEL_LABELS[c.level]}降为${LEVEL_LABELS[p.level]}`);
    return step(ctx, c, 'enabled', p.occurredOn, { checkedOn: p.checkedOn, labelApplied: true, level: p.level, formerLevel: c.level, note: p.note }, {
      state: 'in_use',
      enabledOn: c.enabledOn ?? p.occurredOn,
      checkedOn: p.checkedOn,
      labelApplied: true,
      level: p.level,
    });
  });
}

/** Recorded that the login password was changed; the next change falls due by level. */
export function recordPasswordChange(ctx: LedgerContext, input: unknown): Computer {
  const p = passwordChangedSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['in_use', 'pending', 'disabled', 'repair'], '口令更换');
    const min = computerPasswordMinLength(c.level, ctx.settings);
    if (!p.meetsPolicy) throw ruleError('R-10', '新口令须同时包含大写字母、小写字母、数字和符号');
    if (p.length < min) throw ruleError('R-10', `${LEVEL_LABELS[c.level]}计算机的口令至少 ${min} 位`);
    const dueOn = dayjs(p.occurredOn).add(passwordIntervalDays(c.level, ctx.settings), 'day').format('YYYY-MM-DD');
    // Only the fact and the length are kept: the password itself is never recorded.
    return step(ctx, c, 'password_changed', p.occurredOn, { length: p.length, nextDueOn: dueOn, note: p.note }, { passwordChangedOn: p.occurredOn, passwordDueOn: dueOn });
  });
}

/**
 * repaired on site under a named supervisor; sent out only with approval and with
 * every hard disk removed and kept.
 */
export function startRepair(ctx: LedgerContext, input: unknown): Computer {
  const p = startRepairSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['in_use', 'disabled', 'pending'], '维修');
    if (p.mode === 'on_site' && !p.supervisor) throw ruleError('R-33', '现场维修须有监修人全程在场');
    if (p.mode === 'sent_out') {
      if (!p.approval) throw ruleError('R-33', '送外维修须经批准');
      const registered = c.disks.map((d) => d.serial);
      const missing = registered.filter((s) => !p.removedDiskSerials.includes(s));
      if (registered.length === 0 && p.removedDiskSerials.length === 0) throw ruleError('R-33', '送外维修须拆下硬盘留存，并登记硬盘序列号');
      if (missing.length > 0) throw ruleError('R-33', `送外维修须拆下全部硬盘留存，未拆下：${missing.join('、')}`);
      const unknown = p.removedDiskSerials.filter((s) => registered.length > 0 && !registered.includes(s));
      if (unknown.length > 0) throw new AppError('VALIDATION', `硬盘序列号与台账不符：${unknown.join('、')}`);
      if (!p.diskKeptAt) throw ruleError('R-33', '请登记拆下硬盘的留存位置');
    }
    return step(ctx, c, 'repair_started', p.occurredOn, { ...p, formerState: c.state }, { state: 'repair' });
  });
}

export function finishRepair(ctx: LedgerContext, input: unknown): Computer {
  const p = finishRepairSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['repair'], '维修验收');
    return step(ctx, c, 'repair_finished', p.occurredOn, { ...p }, { state: c.enabledOn ? 'in_use' : 'pending' });
  });
}

/** Moves and changes of user or department keep the ledger matching the hardware. */
export function moveComputer(ctx: LedgerContext, input: unknown): Computer {
  const p = moveComputerSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['in_use', 'disabled', 'pending'], '变更');
    if (p.userId) activePerson(ctx.db, p.userId, '使用人');
    if (p.responsibleId) activePerson(ctx.db, p.responsibleId, '责任人');
    const next: Partial<Computer> = {
      ...(p.location !== undefined ? { location: p.location } : {}),
      ...(p.department !== undefined ? { department: p.department } : {}),
      ...(p.userId !== undefined ? { userId: p.userId ?? null } : {}),
      ...(p.responsibleId ? { responsibleId: p.responsibleId } : {}),
    };
    if (Object.keys(next).length === 0) throw new AppError('VALIDATION', '没有要变更的内容');
    const before = Object.fromEntries(Object.keys(next).map((k) => [k, (c as unknown as Record<string, unknown>)[k] ?? null]));
    return step(ctx, c, 'changed', p.occurredOn, { before, after: next, note: p.note }, next);
  });
}

const simple = (type: 'disabled' | 'scrap_requested', from: Computer['state'][], to: Computer['state'], what: string) => (ctx: LedgerContext, input: unknown): Computer => {
  const p = simpleComputerSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, from, what);
    return step(ctx, c, type, p.occurredOn, { note: p.note }, { state: to });
  });
};
export const disableComputer = simple('disabled', ['in_use'], 'disabled', '停用');
export const requestComputerScrap = simple('scrap_requested', ['in_use', 'disabled', 'pending', 'repair'], 'pending_scrap', '申请报废');

/** listed, approved, destroyed at a designated site, disks included; never reused. */
export function destroyComputer(ctx: LedgerContext, input: unknown): Computer {
  const p = destroyComputerSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['pending_scrap', 'disabled'], '销毁');
    checkDistinctPeople(ctx.db, 'R-34', [p.approval.approver, p.handledBy], 2, '销毁须经他人批准，批准人不能是经办人本人');
    if (sql(ctx.db, 'SELECT 1 FROM usage_log WHERE computer_id = ? AND ended_at IS NULL').get(c.id)) {
      throw new AppError('CONFLICT', '该计算机尚有未结束的使用登记');
    }
    return step(ctx, c, 'destroyed', p.occurredOn, { ...p, disks: c.disks }, { state: 'destroyed' });
  });
}

/** the level is raised by an explicit event; it can never be lowered by editing. */
export function raiseComputerLevel(ctx: LedgerContext, input: unknown): Computer {
  const p = raiseComputerLevelSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const c = getComputer(ctx.db, p.computerId);
    checkComputerState(c, ['in_use', 'disabled', 'pending', 'repair'], '升级密级');
    checkLevelRise(c.level, p.level, '涉密计算机');
    return step(ctx, c, 'level_raised', p.occurredOn, { from: c.level, to: p.level, reason: p.reason, note: p.note }, { level: p.level });
  });
}
