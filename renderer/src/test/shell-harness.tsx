import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Settings } from '../../../src/api/types';
import type { Cabinet } from '../../../src/ledger/cabinets/cabinets';
import type { CarrierListRow } from '../../../src/ledger/carriers/carrier-queries';
import type { Person } from '../../../src/ledger/people/people';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { StaticDirectory, type Directory } from '../shell/directory';
import { LedgerContext, type LedgerContextValue } from '../shell/ledger-context';
import { NavigationContext, type Navigation } from '../shell/navigation';
import { chain, renderZh, summary } from './fake-api';

export const person = (id: string, name: string, department = '综合处'): Person => ({
  id,
  name,
  department,
  post: '',
  clearance: 'general',
  active: true,
  pledgeOn: null,
  onPostOn: null,
  leftOn: null,
  leaveKind: null,
  declassUntil: null,
});

export const PEOPLE: Person[] = [person('p-wang', '王借阅'), person('p-li', '李领导', '所领导'), person('p-sun', '孙保管', '机要室')];
export const CABINETS: Cabinet[] = [{ id: 'c-1', name: '1号保密柜', room: '机要室', note: '' }];

interface ShellOptions {
  people?: Person[];
  cabinets?: Cabinet[];
  settings?: Settings;
  /** The directory's reload functions, to see that a screen asks for them. */
  reload?: Partial<Pick<Directory, 'reloadPeople' | 'reloadCabinets' | 'reloadSettings' | 'settingsSaved'>>;
  ctx?: Partial<LedgerContextValue>;
}

/**
 * Renders a screen inside the contexts the shell provides (ledger, navigation, directory),
 * without calls to main for them; window.api comes from fakeApi().
 */
export function renderInShell(ui: ReactElement, opts: ShellOptions = {}): RenderResult & { ctx: LedgerContextValue; nav: Navigation } {
  const ctx: LedgerContextValue = {
    summary: summary(),
    reloadSummary: vi.fn(async () => true),
    verifyChain: vi.fn(async () => chain()),
    fail: vi.fn(),
    ...opts.ctx,
  };
  const nav: Navigation = { route: { page: 'home' }, navigate: vi.fn(), back: vi.fn(), memory: new Map() };
  const result = renderZh(
    <LedgerContext.Provider value={ctx}>
      <NavigationContext.Provider value={nav}>
        <StaticDirectory
          value={{ people: opts.people ?? PEOPLE, cabinets: opts.cabinets ?? CABINETS, settings: opts.settings ?? { ...DEFAULT_SETTINGS }, ...opts.reload }}
        >
          {ui}
        </StaticDirectory>
      </NavigationContext.Provider>
    </LedgerContext.Provider>,
  );
  return { ...result, ctx, nav };
}

/** A carrier as carriers:list and carriers:detail return it. */
export function listRow(over: Partial<CarrierListRow> = {}): CarrierListRow {
  return {
    id: 'c-1',
    number: 'ZT-2026-0001',
    receiptNo: 'SW-2026-0001',
    dispatchNo: null,
    docNo: '某保〔2026〕12号',
    title: '关于加强保密管理工作的通知',
    carrierType: 'paper',
    issuer: '市保密局',
    level: 'jimi',
    term: { kind: 'years', value: 10 },
    classifiedOn: '2026-11-01',
    expiresOn: '2036-11-01',
    scope: '',
    copies: 1,
    copyNumbers: '003',
    pages: 6,
    capacity: '',
    source: 'received',
    parentId: null,
    classifier: '',
    classifyBasis: '',
    custodianId: 'p-sun',
    cabinetId: 'c-1',
    state: 'in_store',
    holderId: null,
    dueOn: null,
    lostOn: null,
    receivedOn: '2026-11-02',
    note: '',
    lastEventId: 1,
    marking: '机密★10年',
    custodianName: '孙保管',
    holderName: null,
    cabinetName: '1号保密柜',
    overdue: false,
    ...over,
  };
}
