import { z } from 'zod';

/**
 * A person named in an approval, a signature or a witness line. Approvers (leaders, the
 * issuing authority) need not be in the people list, so the name is what counts.
 */
export const personRefSchema = z
  .object({ personId: z.string().max(64).nullish(), name: z.string().trim().min(1).max(40) })
  .strict();
export type PersonRef = z.infer<typeof personRefSchema>;

/** Whitespace is not part of a name: "王 处长" and "王处长" are the same signature. */
export const sameName = (a: string, b: string): boolean => a.replace(/\s/g, '') === b.replace(/\s/g, '');

/** Two references name the same person when their ids match, or, lacking ids, their names. */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.personId && b.personId) return a.personId === b.personId;
  return sameName(a.name, b.name);
}
