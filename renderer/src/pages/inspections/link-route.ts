import type { InputOf } from '../../../../src/api/contract';
import type { Route } from '../../shell/navigation';

/** What the core links to from evidence, holdings and the due list. */
export type LinkType = 'carrier' | 'medium' | 'computer' | 'person' | 'inspection' | 'reconciliation' | 'finding' | 'backup';

export const RECON_PURPOSES = ['monthly', 'quarterly', 'half_year', 'yearly', 'adhoc'] as const satisfies readonly InputOf<'recon:start'>['purpose'][];
export type ReconPurpose = (typeof RECON_PURPOSES)[number];

export const isPurpose = (v: string): v is ReconPurpose => (RECON_PURPOSES as readonly string[]).includes(v);

/**
 * The screen a link opens. The due engine links a month's inspection by month before its
 * run exists, and a reconciliation cycle by purpose before a session of it has ended.
 */
export function routeOf(link: { type: LinkType; id: string }): Route {
  switch (link.type) {
    case 'carrier':
      return { page: 'carrier', id: link.id };
    case 'person':
      return { page: 'person', id: link.id };
    case 'medium':
      return { page: 'medium', id: link.id };
    case 'computer':
      return { page: 'computer', id: link.id };
    case 'inspection':
      return /^\d{4}-\d{2}$/.test(link.id) ? { page: 'inspections', month: link.id } : { page: 'inspection', id: link.id };
    case 'reconciliation':
      return isPurpose(link.id) ? { page: 'recon', purpose: link.id } : { page: 'reconSession', id: link.id };
    case 'finding':
      // Open findings are listed, with 整改关闭, on the inspections page.
      return { page: 'inspections' };
    case 'backup':
      return { page: 'backup' };
  }
}
