import type { TemplateItem } from '../../../../src/ledger/inspections/templates';

/** The checklist's groups A-F in the order DOMAIN §7 gives them. */
export const GROUPS = ['A', 'B', 'C', 'D', 'E', 'F'] as const satisfies readonly TemplateItem['group'][];
export type Group = (typeof GROUPS)[number];
