import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors/app-error';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import { sql } from '../../db/statements';

/** 保密柜 and the room it stands in: where a carrier is stored (存放位置). */
export const cabinetInputSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    room: z.string().trim().max(60).default(''),
    note: z.string().trim().max(200).default(''),
  })
  .strict();
export type CabinetInput = z.input<typeof cabinetInputSchema>;

export interface Cabinet {
  id: string;
  name: string;
  room: string;
  note: string;
}

export function registerCabinet(db: Db, at: string, actor: string, input: CabinetInput): Cabinet {
  const c = cabinetInputSchema.parse(input);
  const cabinet: Cabinet = { id: randomUUID(), ...c };
  inLedgerTransaction(db, () => {
    if (sql(db, 'SELECT 1 FROM cabinets WHERE name = ?').get(c.name)) {
      throw new AppError('VALIDATION', `已有名为「${c.name}」的保密柜`);
    }
    sql(db, 'INSERT INTO cabinets (id, name, room, note, created_at) VALUES (?, ?, ?, ?, ?)').run(
      cabinet.id,
      c.name,
      c.room,
      c.note,
      at,
    );
    appendEvent(db, at, actor, { entity: 'cabinet', entityId: cabinet.id, type: 'registered', occurredOn: at.slice(0, 10), payload: c, subject: c.name });
  });
  return cabinet;
}

export const listCabinets = (db: Db): Cabinet[] =>
  sql(db, 'SELECT id, name, room, note FROM cabinets ORDER BY name').all() as Cabinet[];
