import { Group, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../../src/api/result';
import { DateField } from '../fields/date-field';
import { FormFooter } from '../form-footer';

/** Every event form reports back once main has recorded the event, or is cancelled. */
export interface EventFormCallbacks {
  /** Main recorded the event; the page reloads what it shows. */
  onDone: () => void;
  onCancel: () => void;
}

/** A form carriers and devices share: the caller says which recording call it makes. */
export interface SharedFormProps<V> extends EventFormCallbacks {
  record: (v: V) => Promise<IpcResult<unknown>>;
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
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {children}
        <FormFooter error={error} busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
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
