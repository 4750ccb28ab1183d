import dayjs from 'dayjs';
import type { Clock } from '../../clock';
import type { LedgerContext } from '../../ledger/carriers/carrier-transition';
import { readSettings } from '../../settings/settings-store';
import type { VaultService } from '../../vault/vault-service';

/** The context every ledger command runs in: the open vault, its officer, now, the unit's rules. */
export function ledgerContext(vault: VaultService, clock: Clock): LedgerContext & { unitName: string } {
  const open = vault.requireOpen();
  const now = clock.now();
  return {
    db: open.db,
    at: now.toISOString(),
    // The officer's calendar day, in the machine's own time zone, is the business date.
    today: dayjs(now).format('YYYY-MM-DD'),
    actor: open.meta.officerName,
    unitName: open.meta.unitName,
    settings: readSettings(open.db),
  };
}
