import type { RegisterId } from '../print-types';
import { CARRIER_REGISTERS } from './carrier-registers';
import { DEVICE_REGISTERS } from './device-registers';
import { INSPECTION_REGISTERS } from './inspection-registers';
import type { RegisterSpec } from './register-spec';

/** Every printable register, in DOMAIN §6 order. */
export const REGISTERS: RegisterSpec<unknown>[] = [...CARRIER_REGISTERS, ...DEVICE_REGISTERS, ...INSPECTION_REGISTERS] as RegisterSpec<unknown>[];

export function registerSpec(id: RegisterId): RegisterSpec<unknown> {
  const r = REGISTERS.find((x) => x.id === id);
  if (!r) throw new Error(`unknown register ${id}`);
  return r;
}
