import { Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ActionToolbarProps<A extends string> {
  /** What the item's state allows, in the order the buttons stand. */
  actions: readonly A[];
  /** Actions that end or narrow the item's life: set apart in red. */
  grave: ReadonlySet<A>;
  labelOf: (action: A) => string;
  /** Said instead when the state allows nothing. */
  none: string;
  onStart: (action: A) => void;
}

/** A detail page's buttons for what can be recorded next (carrier, computer, medium). */
export function ActionToolbar<A extends string>({ actions, grave, labelOf, none, onStart }: ActionToolbarProps<A>) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Group gap="xs" aria-label={t('detail.actions')} role="toolbar">
        {actions.length === 0 && <Text c="dimmed">{none}</Text>}
        {actions.map((a) => (
          <Button key={a} size="xs" variant={grave.has(a) ? 'light' : 'default'} color={grave.has(a) ? 'red' : undefined} onClick={() => onStart(a)}>
            {labelOf(a)}
          </Button>
        ))}
      </Group>
    </Card>
  );
}
