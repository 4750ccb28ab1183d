import type { BackupService } from '../../backup/backup-service';
import { dueItems } from '../../ledger/due/due-engine';
import { closeFinding, createRun, listRuns, openFindings, runDetail, setResult, signRun } from '../../ledger/inspections/runs';
import { endSession, listSessions, report, scan, startSession } from '../../ledger/inspections/reconciliation';
import { listTemplates, saveTemplateVersion } from '../../ledger/inspections/templates';
import type { LedgerContext } from '../../ledger/ledger-context';
import { holdingsOf, leave, updatePost } from '../../ledger/people/departure';
import type { Handlers } from '../handlers';

type Channel = Extract<keyof Handlers, `inspections:${string}` | `recon:${string}` | `due:${string}` | `templates:${string}` | 'people:updatePost' | 'people:leave' | 'people:holdings'>;

/** People, the monthly inspection, reconciliation and the due list (issue 5). */
export function inspectionHandlers(ctx: () => LedgerContext, backup: BackupService): Pick<Handlers, Channel> {
  // Until a backup exists the status has no dates; the evidence then says 无备份记录.
  const backupStatus = () => backup.status();
  return {
    'people:updatePost': (input) => updatePost(ctx(), input),
    'people:leave': (input) => leave(ctx(), input),
    'people:holdings': ({ personId }) => holdingsOf(ctx(), personId),
    'templates:list': () => listTemplates(ctx().db),
    'templates:save': (input) => saveTemplateVersion(ctx(), input),
    'inspections:list': () => listRuns(ctx()),
    'inspections:create': (input) => createRun(ctx(), input, backupStatus),
    'inspections:detail': ({ id }) => runDetail(ctx(), id, backupStatus),
    'inspections:setResult': (input) => setResult(ctx(), input),
    'inspections:correctResult': (input) => setResult(ctx(), input, { correction: true }),
    'inspections:sign': (input) => signRun(ctx(), input, backupStatus),
    'inspections:closeFinding': (input) => closeFinding(ctx(), input),
    'inspections:openFindings': () => openFindings(ctx()),
    'recon:start': (input) => startSession(ctx(), input),
    'recon:scan': (input) => scan(ctx(), input),
    'recon:end': (input) => endSession(ctx(), input),
    'recon:report': ({ sessionId }) => report(ctx(), sessionId),
    'recon:list': () => listSessions(ctx()),
    'due:list': () => dueItems(ctx(), backupStatus()),
  };
}
