import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../../src/api/types';
import type { Cabinet } from '../../../src/ledger/cabinets/cabinets';
import type { Person } from '../../../src/ledger/people/people';
import { useLedger } from './ledger-context';

/**
 * The people, cabinets and unit settings that nearly every form picks from. Loaded once
 * per unlock and reloaded after a registration or a settings change; like the rest of the
 * shell's state it is dropped when the shell unmounts on lock.
 */
export interface Directory {
  people: Person[];
  cabinets: Cabinet[];
  settings: Settings | null;
  reloadPeople: () => Promise<void>;
  reloadCabinets: () => Promise<void>;
  reloadSettings: () => Promise<void>;
  /** settings:update answers with the settings now in force: no need to ask main again. */
  settingsSaved: (settings: Settings) => void;
}

const DirectoryContext = createContext<Directory | null>(null);

export function useDirectory(): Directory {
  const v = useContext(DirectoryContext);
  if (!v) throw new Error('useDirectory must be used inside DirectoryProvider');
  return v;
}

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { fail } = useLedger();
  const [people, setPeople] = useState<Person[]>([]);
  const [cabinets, setCabinets] = useState<Cabinet[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);

  const reloadPeople = useCallback(async () => {
    const r = await window.api.people.list();
    if (r.ok) setPeople(r.value);
    else fail(r.error);
  }, [fail]);
  const reloadCabinets = useCallback(async () => {
    const r = await window.api.cabinets.list();
    if (r.ok) setCabinets(r.value);
    else fail(r.error);
  }, [fail]);
  const reloadSettings = useCallback(async () => {
    const r = await window.api.settings.get();
    if (r.ok) setSettings(r.value);
    else fail(r.error);
  }, [fail]);

  useEffect(() => {
    void reloadPeople();
    void reloadCabinets();
    void reloadSettings();
  }, [reloadPeople, reloadCabinets, reloadSettings]);

  const value = useMemo<Directory>(
    () => ({ people, cabinets, settings, reloadPeople, reloadCabinets, reloadSettings, settingsSaved: setSettings }),
    [people, cabinets, settings, reloadPeople, reloadCabinets, reloadSettings],
  );
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

/** For unit tests: a fixed directory without calls to main. */
export function StaticDirectory({ value, children }: { value: Partial<Directory>; children: ReactNode }) {
  const noop = async () => undefined;
  const full: Directory = {
    people: [],
    cabinets: [],
    settings: null,
    reloadPeople: noop,
    reloadCabinets: noop,
    reloadSettings: noop,
    settingsSaved: () => {},
    ...value,
  };
  return <DirectoryContext.Provider value={full}>{children}</DirectoryContext.Provider>;
}
