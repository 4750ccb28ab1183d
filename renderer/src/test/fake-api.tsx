import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { CHANNELS, splitChannel, type Api } from '../../../src/api/contract';
import { fail, ok, type IpcResult } from '../../../src/api/result';
import type {
  ChainVerification,
  CreateVaultResult,
  HomeSummary,
  IntegrityReport,
  Settings,
  UnlockResult,
  VaultStatus,
} from '../../../src/api/types';
import type { ErrorCode } from '../../../src/errors/app-error';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { createI18n } from '../i18n/i18n';
import { Providers } from '../providers';

export const failure = (code: ErrorCode, message: string, details?: Record<string, unknown>): IpcResult<never> =>
  fail(details ? { code, message, details } : { code, message });

export const status = (over: Partial<VaultStatus> = {}): VaultStatus => ({
  state: 'locked',
  failedAttempts: 0,
  retryAfterMs: 0,
  passphraseMinLength: 8,
  notice: null,
  ...over,
});

const integrity: IntegrityReport = {
  cipherOk: true,
  cipherPagesChecked: 12,
  cipherErrors: [],
  quickCheck: ['ok'],
  checkedAt: '2026-11-22T08:00:00.000Z',
};

export const chain = (over: Partial<ChainVerification> = {}): ChainVerification => ({
  ok: true,
  checked: 3,
  head: { seq: 3, hash: 'ab12cd34'.repeat(8), shortHash: 'ab12cd34', at: '2026-11-22T08:00:00.000Z' },
  firstBrokenSeq: null,
  reason: null,
  verifiedAt: '2026-11-22T08:00:00.000Z',
  ...over,
});

export const summary = (over: Partial<HomeSummary> = {}): HomeSummary => ({
  unitName: '某某研究所',
  officerName: '张保密',
  vaultId: '0f0e0d0c-0b0a-4908-8706-050403020100',
  createdAt: '2026-11-22T08:00:00.000Z',
  schemaVersion: 1,
  integrity,
  chain: chain(),
  unlockedAt: '2026-11-22T08:00:00.000Z',
  clockWentBack: null,
  ...over,
});

// The core's own defaults, so this fake keeps up when the core adds a setting.
export const settings = (): Settings => ({ ...DEFAULT_SETTINGS });

export const unlockResult = (): UnlockResult => ({ integrity, chain: chain(), failuresRecorded: 0 });

export const createResult = (): CreateVaultResult => ({
  recoveryKey: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789',
  unitName: '某某研究所',
  officerName: '张保密',
  createdAt: '2026-11-22T08:00:00.000Z',
  vaultId: '0f0e0d0c-0b0a-4908-8706-050403020100',
});

type PartialApi = { [N in keyof Api]?: Partial<Api[N]> };

type LooseApi = Record<string, Record<string, (...args: never[]) => Promise<IpcResult<unknown>>>>;

/** Channels these tests do not exercise answer with an error naming the channel. */
function unfaked(): LooseApi {
  const api: LooseApi = {};
  for (const channel of CHANNELS) {
    const [ns, verb] = splitChannel(channel);
    (api[ns] ??= {})[verb] = vi.fn(async () => failure('INTERNAL', `测试未模拟 ${channel}`));
  }
  return api;
}

/**
 * The screens of this issue answer something plausible; every other channel of the
 * contract exists too (so the fake keeps up as the contract grows) but fails.
 */
export function fakeApi() {
  const known = {
    vault: {
      status: vi.fn<Api['vault']['status']>(async () => ok(status())),
      create: vi.fn<Api['vault']['create']>(async () => ok(createResult())),
      unlock: vi.fn<Api['vault']['unlock']>(async () => ok(unlockResult())),
      unlockWithRecovery: vi.fn<Api['vault']['unlockWithRecovery']>(async () => ok(unlockResult())),
      progress: vi.fn<Api['vault']['progress']>(async () => ok({ running: false, phase: 'idle', fraction: 0 })),
      lock: vi.fn<Api['vault']['lock']>(async () => ok(null)),
      changePassphrase: vi.fn<Api['vault']['changePassphrase']>(async () => ok(null)),
    },
    session: { activity: vi.fn<Api['session']['activity']>(async () => ok(null)) },
    home: { summary: vi.fn<Api['home']['summary']>(async () => ok(summary())) },
    audit: {
      verify: vi.fn<Api['audit']['verify']>(async () => ok(chain())),
      list: vi.fn<Api['audit']['list']>(async () => ok({ entries: [] })),
    },
    people: { list: vi.fn<Api['people']['list']>(async () => ok([])) },
    cabinets: { list: vi.fn<Api['cabinets']['list']>(async () => ok([])) },
    settings: {
      get: vi.fn<Api['settings']['get']>(async () => ok(settings())),
      update: vi.fn<Api['settings']['update']>(async (patch) => ok({ ...settings(), ...patch })),
    },
  } satisfies PartialApi;
  const api = unfaked();
  for (const [ns, verbs] of Object.entries(known)) api[ns] = { ...api[ns], ...verbs };
  // Complete by construction: every channel in CHANNELS has a function.
  window.api = api as unknown as Api;
  return known;
}

export function renderZh(ui: ReactElement): RenderResult {
  return render(
    <Providers i18n={createI18n('zh-CN')} env="test">
      {ui}
    </Providers>,
  );
}
