import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/ledger/people/people';

export type PersonStatus = 'on_post' | 'left_post' | 'left_unit';

/** 在岗, 离岗 (left the classified post, still in the unit) or 离职 (left the unit). */
export const statusOf = (p: Pick<Person, 'leftOn' | 'leaveKind'>): PersonStatus =>
  !p.leftOn ? 'on_post' : p.leaveKind === 'left_unit' ? 'left_unit' : 'left_post';

const COLORS: Record<PersonStatus, string> = { on_post: 'teal', left_post: 'yellow', left_unit: 'gray' };

/** The status, and while it runs the end of the 脱密期. */
export function PersonStatusBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  const status = statusOf(person);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={COLORS[status]} data-testid="person-status">
        {t(`staff.status.${status}`)}
      </Badge>
      {person.declassUntil && (
        <Text size="xs" c="dimmed" data-testid="declass-until">
          {t('staff.declassUntil', { date: person.declassUntil })}
        </Text>
      )}
    </Group>
  );
}
