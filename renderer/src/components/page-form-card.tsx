import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormError } from './form-error';

interface PageFormCardProps {
  /** The card's heading, also the form's accessible name. */
  title: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The fields, in one row before the submit button. */
  children: ReactNode;
  submitLabel: string;
  busy: boolean;
  hint: string;
  /** Main's refusal, from useMutation. */
  error: string | null;
}

/** A list page's one-row form that starts something new (a month's run, a count). */
export function PageFormCard({ title, onSubmit, children, submitLabel, busy, hint, error }: PageFormCardProps) {
  return (
    <Card withBorder>
      {/* Validation messages come from the form's rules, in the UI's language, not the browser's. */}
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={4}>{title}</Title>
          <Group align="flex-end">
            {children}
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
          <FormError error={error} />
        </Stack>
      </form>
    </Card>
  );
}
