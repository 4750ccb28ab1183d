/**
 * The one IPC contract. Every channel is `namespace:verb`, with the zod schema its input
 * must pass in the main process and the type of its result. Main registers handlers from
 * this map, the preload builds `window.api` from it, and the renderer's types derive
 * from it, so a channel cannot exist in one place and not another.
 */
import { z } from 'zod';
import { settingsPatchSchema } from '../settings/settings-schema';
import type { IpcResult } from './result';
import type {
  AuditPage,
  ChainVerification,
  CreateVaultResult,
  HomeSummary,
  Settings,
  UnlockResult,
  VaultStatus,
} from './types';

const noInput = z.undefined();

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
  'vault:unlockWithRecovery': channel<UnlockResult>()(
    z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
  ),
  'vault:lock': channel<null>()(noInput),
  'vault:changePassphrase': channel<null>()(
    z.object({ current: secret, next: secret }).strict(),
  ),
  'session:activity': channel<null>()(noInput),
  'home:summary': channel<HomeSummary>()(noInput),
  'audit:verify': channel<ChainVerification>()(noInput),
  'audit:list': channel<AuditPage>()(
    z
      .object({
        limit: z.number().int().min(1).max(500),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'settings:get': channel<Settings>()(noInput),
  'settings:update': channel<Settings>()(settingsPatchSchema),
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
