import { createContext, useCallback, useContext, useState, type Dispatch, type SetStateAction } from 'react';

/** What the destruction list shows of each selected item before main answers. */
export interface CarrierSummary {
  id: string;
  number: string;
  title: string;
  marking: string;
  state: string;
}

/** The screens of the shell; `back` returns along the way the officer came. */
export type Route =
  | { page: 'home' }
  | { page: 'carriers' }
  | { page: 'carrier'; id: string }
  | { page: 'receive' }
  | { page: 'destroy'; items: CarrierSummary[] }
  | { page: 'handover'; fromId?: string }
  | { page: 'computers' }
  | { page: 'computer'; id: string }
  | { page: 'media' }
  | { page: 'medium'; id: string }
  | { page: 'people' }
  | { page: 'person'; id: string }
  | { page: 'inspections'; month?: string }
  | { page: 'inspection'; id: string }
  | { page: 'checklist' }
  | { page: 'recon'; purpose?: string }
  | { page: 'reconSession'; id: string }
  | { page: 'cabinets' }
  | { page: 'print' }
  | { page: 'backup' }
  | { page: 'audit' }
  | { page: 'settings' };

export type PageId = Route['page'];

export interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  /** To the previous screen, or the carrier list when there is none. */
  back: () => void;
  /**
   * State a screen wants back when the officer returns to it (the list's filters, scroll
   * position and selection). Held by the shell, so it goes on lock with everything else.
   */
  memory: Map<string, unknown>;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const v = useContext(NavigationContext);
  if (!v) throw new Error('useNavigation must be used inside LedgerShell');
  return v;
}

/** useState that survives leaving and re-entering the screen (within one unlock). */
export function useRemembered<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const nav = useContext(NavigationContext);
  const memory = nav?.memory;
  const [value, setValue] = useState<T>(() => {
    if (memory?.has(key)) return memory.get(key) as T;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        memory?.set(key, v);
        return v;
      }),
    [key, memory],
  );
  return [value, set];
}
