import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierListRow } from '../../../../../src/ledger/carriers/carrier-queries';
import { DateField } from '../../../components/fields/date-field';
import { FormError } from '../../../components/form-error';

/** Every action form gets the carrier it acts on and reports back when main accepted it. */
export interface ActionFormProps {
  carrier: CarrierListRow;
  /** Main recorded the event; the page reloads the carrier. */
  onDone: () => void;
  onCancel: () => void;
}

interface FrameProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** The form, main's refusal (it names the rule) and the two buttons; Enter submits. */
export function ActionFormFrame({ onSubmit, error, busy, submitLabel, onCancel, children }: FrameProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {children}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 日期 and 备注, which every event has. */
export function DateAndNote<T extends { occurredOn: string; note: string }>({
  form,
  dateLabel,
  children,
}: {
  form: UseFormReturnType<T>;
  dateLabel: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" grow>
      <DateField label={dateLabel} withAsterisk {...form.getInputProps('occurredOn')} />
      {children}
      <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
    </Group>
  );
}
