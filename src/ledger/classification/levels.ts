/** three state-secret levels, highest first, plus the unit-internal 内部. */
export const LEVELS = ['juemi', 'jimi', 'mimi', 'neibu'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = { juemi: '绝密', jimi: '机密', mimi: '秘密', neibu: '内部' };

/** Higher number, higher level. */
export const levelRank = (l: Level): number => LEVELS.length - LEVELS.indexOf(l);

export const isHigher = (a: Level, b: Level): boolean => levelRank(a) > levelRank(b);

/** a collection is classified at the highest level of anything in it. */
export function highestLevel(levels: Iterable<Level>): Level | null {
  let best: Level | null = null;
  for (const l of levels) if (best === null || isHigher(l, best)) best = l;
  return best;
}

/** 绝密 and 机密 need copy numbers (份号) on every item (S0/S2). */
export const needsCopyNumbers = (l: Level): boolean => l === 'juemi' || l === 'jimi';
