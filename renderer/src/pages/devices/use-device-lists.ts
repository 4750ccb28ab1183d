import { useCallback, useEffect, useState } from 'react';
import type { ComputerRow, MediumRow } from '../../../../src/ledger/devices/device-queries';
import { useLedger } from '../../shell/ledger-context';

/** The computers of the ledger; null until main has answered. */
export function useComputers(): { computers: ComputerRow[] | null; reload: () => Promise<void> } {
  const { fail } = useLedger();
  const [computers, setComputers] = useState<ComputerRow[] | null>(null);
  const reload = useCallback(async () => {
    const r = await window.api.computers.list();
    if (r.ok) setComputers(r.value);
    else fail(r.error);
  }, [fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { computers, reload };
}

export function useMedia(): { media: MediumRow[] | null; reload: () => Promise<void> } {
  const { fail } = useLedger();
  const [media, setMedia] = useState<MediumRow[] | null>(null);
  const reload = useCallback(async () => {
    const r = await window.api.media.list();
    if (r.ok) setMedia(r.value);
    else fail(r.error);
  }, [fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { media, reload };
}

/** How a computer is named in pickers: its number, level and where it stands. */
export const computerLabel = (c: Pick<ComputerRow, 'number' | 'level' | 'location'>, levelLabel: string): string =>
  `${c.number}（${levelLabel}${c.location ? `，${c.location}` : ''}）`;
