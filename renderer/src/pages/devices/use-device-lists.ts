import type { ComputerRow, MediumRow } from '../../../../src/ledger/devices/device-queries';
import { useDetail } from '../../hooks/use-detail';

// Module-level, so the same read every render: useDetail reads again only for a new one.
const readComputers = () => window.api.computers.list();
const readMedia = () => window.api.media.list();

/** The computers of the ledger; null until main has answered. */
export function useComputers(): { computers: ComputerRow[] | null } {
  return { computers: useDetail(readComputers).detail };
}

/** The media of the ledger; null until main has answered. */
export function useMedia(): { media: MediumRow[] | null } {
  return { media: useDetail(readMedia).detail };
}

/** How a computer is named in pickers: its number, level and where it stands. */
export const computerLabel = (c: Pick<ComputerRow, 'number' | 'level' | 'location'>, levelLabel: string): string =>
  `${c.number}（${levelLabel}${c.location ? `，${c.location}` : ''}）`;
