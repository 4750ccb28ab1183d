import type { Person, PersonRef } from '../../../src/ledger/people/people';

/** How a registered person appears in pickers: the name, and the department to tell namesakes apart. */
export const personLabel = (p: Pick<Person, 'name' | 'department'>): string =>
  p.department ? `${p.name}（${p.department}）` : p.name;

/** Names offered by the free-text pickers (approvers, witnesses): each name once. */
export const personNames = (people: readonly Person[]): string[] => [
  ...new Set(people.filter((p) => p.active).map((p) => p.name)),
];

/**
 * A typed or picked name as the core's person reference. An approver or witness need not
 * be registered (a leader of the issuing authority, say); when exactly one registered
 * person has the name, the id goes along so the rules compare people, not spellings.
 */
export function toPersonRef(name: string, people: readonly Person[]): PersonRef {
  const clean = name.trim();
  const matches = people.filter((p) => p.name === clean);
  return matches.length === 1 && matches[0] ? { personId: matches[0].id, name: clean } : { name: clean };
}
