import { Group, Text } from '@mantine/core';

/** A long job's phases in a row, the current one in bold. */
export function PhaseSteps({ phases, current, label }: { phases: readonly string[]; current: string; label: (phase: string) => string }) {
  return (
    <Group gap="xs">
      {phases.map((p) => (
        <Text key={p} size="xs" c={p === current ? undefined : 'dimmed'} fw={p === current ? 700 : undefined}>
          {label(p)}
        </Text>
      ))}
    </Group>
  );
}
