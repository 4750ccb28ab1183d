/**
 * The one IPC contract. Every channel is `namespace:verb`, with the zod schema its input
 * must pass in the main process and the type of its result. Main registers handlers from
 * this map, the preload builds `window.api` from it, and the renderer's types derive
 * from it, so a channel cannot exist in one place and not another.
 */
import { z } from 'zod';
import { settingsPatchSchema } from '../settings/settings-schema';
import { cabinetInputSchema, type Cabinet } from '../ledger/cabinets/cabinets';
import { personInputSchema, type Person } from '../ledger/people/people';
import type { Carrier } from '../ledger/carriers/carrier-model';
import * as cs from '../ledger/carriers/carrier-commands-schema';
import { carrierListQuerySchema, type CarrierDetail, type CarrierListPage } from '../ledger/carriers/carrier-queries';
import * as ds from '../ledger/devices/device-schemas';
import type { Computer, Medium } from '../ledger/devices/device-model';
import type { ComputerDetail, ComputerRow, MediumDetail, MediumRow } from '../ledger/devices/device-queries';
import type { UsageEntry } from '../ledger/devices/usage-commands';
import type { BackupComparison, BackupProgress, BackupStatus, VolumeView } from '../backup/backup-service';
import type { BackupVerification } from '../backup/backup-verify';
import { leaveSchema, updatePostSchema, type Holding } from '../ledger/people/departure';
import { saveTemplateSchema, type Template } from '../ledger/inspections/templates';
import { closeFindingSchema, createRunSchema, setResultSchema, signRunSchema, type Finding, type RunDetail, type RunResult } from '../ledger/inspections/runs';
import { scanSchema, sessionIdSchema, startReconSchema, type ReconReport, type ScanOutcome } from '../ledger/inspections/reconciliation';
import type { DueItem } from '../ledger/due/due-engine';
import { printRequestSchema, registerPrintoutSchema, type PrintPreview, type RegisterInfo } from '../print/print-types';
import type { IpcResult } from './result';
import type {
  AuditPage,
  ChainVerification,
  CreateVaultResult,
  HomeSummary,
  Settings,
  UnlockProgress,
  UnlockResult,
  VaultStatus,
} from './types';
import { idSchema } from '../ledger/field-schemas';

const noInput = z.undefined();

const backupSecretSchema = z
  .object({
    fsUuid: z.string().min(1).max(100),
    name: z.string().regex(/^[0-9A-Za-z-]{1,80}$/, '备份名称不合法'),
    secret: z.string().min(1).max(1024),
    kind: z.enum(['passphrase', 'recovery']),
  })
  .strict();

const text = (max: number) => z.string().trim().min(1).max(max);
const secret = z.string().min(1).max(1024);

/** The phantom `result` field carries the result type; it is never read at run time. */
const channel =
  <R>() =>
  <S extends z.ZodType>(input: S) => ({ input, result: undefined as unknown as R });

export const contract = {
  'vault:status': channel<VaultStatus>()(noInput),
  'vault:create': channel<CreateVaultResult>()(
    z.object({ unitName: text(100), officerName: text(50), passphrase: secret }).strict(),
  ),
  'vault:unlock': channel<UnlockResult>()(z.object({ passphrase: secret }).strict()),
  'vault:progress': channel<UnlockProgress>()(noInput),
  'vault:unlockWithRecovery': channel<UnlockResult>()(
    z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
  ),
  'vault:lock': channel<null>()(noInput),
  'vault:changePassphrase': channel<null>()(
    z.object({ current: secret, next: secret }).strict(),
  ),
  'vault:reissueRecoveryKey': channel<{ recoveryKey: string; issuedAt: string }>()(z.object({ passphrase: secret }).strict()),
  'session:activity': channel<null>()(noInput),
  'home:summary': channel<HomeSummary>()(noInput),
  'audit:verify': channel<ChainVerification>()(noInput),
  'audit:list': channel<AuditPage>()(
    z
      .object({
        limit: z.number().int().min(1).max(500),
        beforeSeq: z.number().int().positive().optional(),
        // `carrier.` (a trailing dot) is every carrier action; `carrier.received` only that one.
        action: z.string().max(100).regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*\.?$/, '操作类别不合法').optional(),
        text: z.string().trim().min(1).max(200).optional(),
        // The officer's own calendar days, both included; main turns them into instants.
        fromDate: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
        toDate: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
      })
      .strict()
      .refine((q) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate, { message: '起始日期不能晚于截止日期', path: ['toDate'] }),
  ),
  'settings:get': channel<Settings>()(noInput),
  'settings:update': channel<Settings>()(settingsPatchSchema),

  'people:list': channel<Person[]>()(noInput),
  'people:register': channel<Person>()(personInputSchema),
  'cabinets:list': channel<Cabinet[]>()(noInput),
  'cabinets:register': channel<Cabinet>()(cabinetInputSchema),

  'carriers:list': channel<CarrierListPage>()(carrierListQuerySchema),
  'carriers:detail': channel<CarrierDetail>()(cs.carrierIdSchema),
  'carriers:holdings': channel<Carrier[]>()(cs.personIdSchema),
  'carriers:receive': channel<Carrier[]>()(cs.receiveBatchSchema),
  'carriers:registerMade': channel<Carrier>()(cs.registerMadeSchema),
  'carriers:distribute': channel<Carrier>()(cs.distributeSchema),
  'carriers:circulate': channel<Carrier>()(cs.circulateSchema),
  'carriers:returnCirculation': channel<Carrier>()(cs.returnSchema),
  'carriers:lend': channel<Carrier>()(cs.lendSchema),
  'carriers:returnLoan': channel<Carrier>()(cs.returnSchema),
  'carriers:takeOut': channel<Carrier>()(cs.takeOutSchema),
  'carriers:bringBack': channel<Carrier>()(cs.returnSchema),
  'carriers:copy': channel<Carrier[]>()(cs.copySchema),
  'carriers:reclassify': channel<Carrier>()(cs.reclassifySchema),
  'carriers:declassify': channel<Carrier>()(cs.declassifySchema),
  'carriers:markForReturn': channel<Carrier>()(cs.simpleEventSchema),
  'carriers:archive': channel<Carrier>()(cs.simpleEventSchema),
  'carriers:handover': channel<{ batchId: string; carriers: Carrier[] }>()(cs.handoverSchema),
  'carriers:returnToIssuer': channel<Carrier>()(cs.returnToIssuerSchema),
  'carriers:requestDestruction': channel<Carrier>()(cs.simpleEventSchema),
  'carriers:destroy': channel<{ batchId: string; carriers: Carrier[] }>()(cs.destroySchema),
  'carriers:reportLost': channel<Carrier>()(cs.lostSchema),
  'carriers:markFound': channel<Carrier>()(cs.foundSchema),
  'carriers:correct': channel<Carrier>()(cs.correctionSchema),

  'computers:list': channel<ComputerRow[]>()(noInput),
  'computers:detail': channel<ComputerDetail>()(ds.deviceIdSchema),
  'computers:register': channel<Computer>()(ds.registerComputerSchema),
  'computers:enable': channel<Computer>()(ds.enableComputerSchema),
  'computers:startUsage': channel<UsageEntry>()(ds.startUsageSchema),
  'computers:endUsage': channel<UsageEntry>()(ds.endUsageSchema),
  'computers:logUsage': channel<UsageEntry>()(ds.logUsageSchema),
  'computers:usageBook': channel<UsageEntry[]>()(ds.usageBookQuerySchema),
  'computers:daysWithoutUsage': channel<string[]>()(ds.missingUsageQuerySchema),
  'computers:passwordChanged': channel<Computer>()(ds.passwordChangedSchema),
  'computers:startRepair': channel<Computer>()(ds.startRepairSchema),
  'computers:finishRepair': channel<Computer>()(ds.finishRepairSchema),
  'computers:change': channel<Computer>()(ds.moveComputerSchema),
  'computers:disable': channel<Computer>()(ds.simpleComputerSchema),
  'computers:requestScrap': channel<Computer>()(ds.simpleComputerSchema),
  'computers:destroy': channel<Computer>()(ds.destroyComputerSchema),
  'computers:raiseLevel': channel<Computer>()(ds.raiseComputerLevelSchema),

  'media:list': channel<MediumRow[]>()(noInput),
  'media:detail': channel<MediumDetail>()(ds.deviceIdSchema),
  'media:register': channel<Medium>()(ds.registerMediumSchema),
  'media:issue': channel<Medium>()(ds.issueMediumSchema),
  'media:bind': channel<Medium>()(ds.bindMediumSchema),
  'media:unbind': channel<Medium>()(ds.bindMediumSchema),
  'media:lend': channel<Medium>()(ds.lendMediumSchema),
  'media:takeOut': channel<Medium>()(ds.takeOutMediumSchema),
  'media:checkIn': channel<Medium>()(ds.checkInMediumSchema),
  'media:recordUse': channel<Medium>()(ds.recordMediumUseSchema),
  'media:startRepair': channel<Medium>()(ds.simpleMediumSchema),
  'media:requestDestruction': channel<Medium>()(ds.simpleMediumSchema),
  'media:destroy': channel<Medium>()(ds.destroyMediumSchema),
  'media:reportLost': channel<Medium>()(ds.lostMediumSchema),
  'media:markFound': channel<Medium>()(ds.simpleMediumSchema),
  'media:raiseLevel': channel<Medium>()(ds.raiseMediumLevelSchema),

  'backup:volumes': channel<VolumeView[]>()(noInput),
  'backup:registerVolume': channel<Medium>()(z.object({ mediumId: idSchema, fsUuid: z.string().min(1).max(100), replace: z.boolean().optional() }).strict()),
  'backup:run': channel<{ name: string; bytes: number; sha256: string; chainSeq: number; deletable: string[]; readBackFrom: 'medium' | 'cache' }>()(z.object({ fsUuid: z.string().min(1).max(100) }).strict()),
  'backup:progress': channel<BackupProgress>()(noInput),
  'backup:prune': channel<{ deleted: string[] }>()(z.object({ fsUuid: z.string().min(1).max(100), names: z.array(z.string().min(1).max(100)).min(1).max(100) }).strict()),
  'backup:verify': channel<BackupVerification>()(backupSecretSchema),
  'backup:compare': channel<BackupComparison>()(backupSecretSchema),
  'backup:restore': channel<UnlockResult>()(backupSecretSchema),
  'backup:status': channel<BackupStatus>()(noInput),

  'people:updatePost': channel<Person>()(updatePostSchema),
  'people:leave': channel<Person>()(leaveSchema),
  'people:holdings': channel<Holding[]>()(cs.personIdSchema),
  'templates:list': channel<Template[]>()(noInput),
  'templates:save': channel<Template>()(saveTemplateSchema),
  'inspections:list': channel<{ id: string; month: string; state: string }[]>()(noInput),
  'inspections:create': channel<RunDetail>()(createRunSchema),
  'inspections:detail': channel<RunDetail>()(cs.carrierIdSchema),
  'inspections:setResult': channel<RunResult>()(setResultSchema),
  'inspections:correctResult': channel<RunResult>()(setResultSchema),
  'inspections:sign': channel<RunDetail>()(signRunSchema),
  'inspections:closeFinding': channel<Finding>()(closeFindingSchema),
  'inspections:openFindings': channel<Finding[]>()(noInput),
  'recon:start': channel<ReconReport>()(startReconSchema),
  'recon:scan': channel<ScanOutcome>()(scanSchema),
  'recon:end': channel<ReconReport>()(sessionIdSchema),
  'recon:report': channel<ReconReport>()(sessionIdSchema),
  'recon:list': channel<{ id: string; purpose: string; scopeKind: string; startedAt: string; endedAt: string | null }[]>()(noInput),
  'due:list': channel<DueItem[]>()(noInput),

  'print:registers': channel<RegisterInfo[]>()(noInput),
  'print:preview': channel<PrintPreview>()(printRequestSchema),
  'print:print': channel<{ printed: boolean }>()(printRequestSchema),
  'print:savePdf': channel<{ path: string; pages: number } | null>()(printRequestSchema),
  'print:registerPrintout': channel<Carrier>()(registerPrintoutSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type VerbOf<C extends string, N extends string> = C extends `${N}:${infer V}` ? V : never;
export type Namespace = NamespaceOf<Channel>;

type Invoker<C extends Channel> =
  InputOf<C> extends undefined
    ? () => Promise<IpcResult<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<IpcResult<ResultOf<C>>>;

/** What the preload exposes as `window.api`: `api.vault.unlock({ passphrase })`. */
export type Api = {
  [N in Namespace]: { [V in VerbOf<Channel, N>]: Invoker<`${N}:${V}` & Channel> };
};

export const splitChannel = (c: Channel): [string, string] => {
  const i = c.indexOf(':');
  return [c.slice(0, i), c.slice(i + 1)];
};
