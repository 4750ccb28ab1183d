import { listAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { PrintService } from '../print/print-service';
import type { BackupService } from '../backup/backup-service';
import { ledgerContext } from './handlers/ledger-context';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { deviceHandlers } from './handlers/device-handlers';
import { inspectionHandlers } from './handlers/inspection-handlers';
import { readSettings, updateSettings } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import type { Channel, ParsedInputOf, ResultOf } from './contract';

/** The typed handler map: one entry per contract channel, checked by the compiler. */
export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
};

export interface HandlerDeps {
  vault: VaultService;
  clock: Clock;
  print: PrintService;
  backup: BackupService;
}

// Calls that are not the officer acting: the renderer polls status every few seconds.
const PASSIVE: ReadonlySet<Channel> = new Set(['vault:status', 'vault:progress', 'session:activity']);

/** Every officer action restarts the idle countdown, like an explicit activity ping. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const handlers = handlerMap(deps);
  for (const c of Object.keys(handlers) as Channel[]) {
    if (PASSIVE.has(c)) continue;
    const inner = handlers[c] as (i: unknown) => unknown;
    (handlers as Record<Channel, (i: unknown) => unknown>)[c] = async (input: unknown) => {
      const result = await inner(input);
      deps.vault.activity();
      return result;
    };
  }
  return handlers;
}

function handlerMap({ vault, clock, print, backup }: HandlerDeps): Handlers {
  const now = () => clock.now().toISOString();
  const actor = () => vault.requireOpen().meta.officerName;
  return {
    'vault:status': () => vault.status(),
    'vault:create': (input) => vault.create(input),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:progress': () => vault.progress(),
    'vault:unlockWithRecovery': ({ recoveryKey }) => vault.unlockWithRecovery(recoveryKey),
    'vault:lock': () => {
      vault.lock('manual');
      return null;
    },
    'vault:changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault:reissueRecoveryKey': ({ passphrase }) => vault.reissueRecoveryKey(passphrase),
    'session:activity': () => {
      vault.activity();
      return null;
    },
    'home:summary': () => vault.summary(),
    'audit:verify': () => vault.reverifyChain(),
    'audit:list': ({ limit, beforeSeq, ...filter }) => ({ entries: listAudit(vault.requireOpen().db, limit, beforeSeq, filter) }),
    'settings:get': () => readSettings(vault.requireOpen().db),
    'settings:update': (patch) => {
      return updateSettings(vault.requireOpen().db, now(), actor(), patch);
    },
    ...ledgerHandlers(() => ledgerContext(vault, clock)),
    ...deviceHandlers(() => ledgerContext(vault, clock)),
    ...inspectionHandlers(() => ledgerContext(vault, clock), backup),
    'backup:volumes': () => backup.listVolumes(),
    'backup:registerVolume': (input) => backup.registerVolume(input),
    'backup:run': (input) => backup.backup(input),
    'backup:progress': () => backup.progress(),
    'backup:prune': (input) => backup.prune(input),
    'backup:verify': (input) => backup.verify(input),
    'backup:compare': (input) => backup.compare(input),
    'backup:restore': (input) => backup.restore(input),
    'backup:status': () => backup.status(),
    'print:registers': () => print.registers(),
    'print:preview': (req) => print.preview(req),
    'print:print': (req) => print.print(req),
    'print:savePdf': (req) => print.savePdf(req),
    'print:registerPrintout': (input) => print.registerPrintout(input),
  };
}
