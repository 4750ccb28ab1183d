import { Alert, Button, Card, Chip, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintPreview, PrintRequest, RegisterId } from '../../../../src/print/print-types';
import { DateField } from '../../components/fields/date-field';
import { FormError } from '../../components/form-error';
import { useDetail } from '../../hooks/use-detail';
import { LEVELS, type Level } from '../../lib/carrier-enums';
import { firstOfMonth, today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, validDate } from '../../lib/form-rules';
import { previewDocument } from './preview-document';
import { PrintoutRegistration } from './printout-registration';
import { usePrintOutput } from './use-print-output';
import { PrintComputerSelect } from '../devices/print-computer-select';
import { PrintCheckSelect } from '../inspections/print-check-select';

interface PrintValues {
  registerId: RegisterId | '';
  from: string;
  to: string;
  levels: Level[];
  blank: boolean;
  /** What a register with a subject prints: the computer of register 9. */
  subjectId: string;
}

const readRegisters = () => window.api.print.registers();

/**
 * 打印登记簿: pick a register, a period and levels (or a blank form for filling by hand),
 * preview it as it will print, then print or save a PDF. The preview runs in a sandboxed
 * frame: the document is the core's own HTML, but it never gets scripts or the app's origin.
 */
export function PrintPage() {
  const { t } = useTranslation();
  const { run, error, busy, outputs, print, savePdf, markRegistered, dismiss, dropRegistered } = usePrintOutput();
  const registers = useDetail(readRegisters).detail ?? [];
  const [preview, setPreview] = useState<PrintPreview | null>(null);
  const now = today();
  const form = useForm<PrintValues>({
    initialValues: { registerId: '', from: firstOfMonth(now), to: now, levels: [], blank: false, subjectId: '' },
    validate: {
      registerId: chosen(t, t('print.register')),
      from: (v, values) => validDate(t, t('print.from'))(v) ?? (v > values.to ? t('print.fromAfterTo') : null),
      to: validDate(t, t('print.to')),
    },
    // A changed request makes the shown preview stale, and a registered printout is done
    // with; one not yet registered stays: the paper exists, and it is classified.
    onValuesChange: () => {
      setPreview(null);
      dropRegistered();
    },
  });

  const request = (v: PrintValues): PrintRequest => ({
    registerId: v.registerId as RegisterId,
    from: v.from,
    to: v.to,
    levels: v.levels,
    blank: v.blank,
    subjectId: v.subjectId || null,
  });

  const showPreview = form.onSubmit(async (v) => {
    const done = await run(() => window.api.print.preview(request(v)));
    if (done) setPreview(done.value);
  }, focusFirstError);

  // Both print what the form asks for now, checked as for a preview.
  const printNow = (out: (request: PrintRequest) => Promise<void>) => {
    if (!form.validate().hasErrors) void out(request(form.values));
  };

  return (
    <Stack>
      <Title order={2}>{t('print.title')}</Title>
      <Card withBorder>
        <form onSubmit={showPreview} noValidate aria-label={t('print.title')}>
          <Stack gap="sm">
            <Group align="flex-start">
              <Select
                label={t('print.register')}
                withAsterisk
                autoFocus
                w={260}
                allowDeselect={false}
                data={registers.map((r) => ({ value: r.id, label: r.title }))}
                {...form.getInputProps('registerId')}
                // A subject chosen for one register means nothing for another.
                onChange={(v) => form.setValues({ registerId: (v ?? '') as RegisterId | '', subjectId: '' })}
              />
              {registers.find((r) => r.id === form.values.registerId)?.subject === 'computer' && (
                <PrintComputerSelect {...form.getInputProps('subjectId')} />
              )}
              <PrintCheckSelect key={form.values.registerId} subject={registers.find((r) => r.id === form.values.registerId)?.subject} {...form.getInputProps('subjectId')} />
              <DateField label={t('print.from')} withAsterisk {...form.getInputProps('from')} disabled={form.values.blank} />
              <DateField label={t('print.to')} withAsterisk {...form.getInputProps('to')} disabled={form.values.blank} />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('print.levels')}
                </Text>
                <Chip.Group multiple value={form.values.levels} onChange={(v) => form.setFieldValue('levels', v as Level[])}>
                  <Group gap={4} role="group" aria-label={t('print.levels')}>
                    {LEVELS.map((l) => (
                      <Chip key={l} value={l} size="sm" disabled={form.values.blank}>
                        {t(`level.${l}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
            </Group>
            <Switch label={t('print.blank')} {...form.getInputProps('blank', { type: 'checkbox' })} />
            <FormError error={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('print.preview')}
              </Button>
              <Button variant="default" onClick={() => printNow(print)} disabled={busy}>
                {t('print.print')}
              </Button>
              <Button variant="default" onClick={() => printNow(savePdf)} disabled={busy}>
                {t('print.savePdf')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {outputs.map((o) => (
        <PrintoutRegistration key={o.id} output={o} onRegistered={markRegistered} onDismiss={dismiss} />
      ))}

      {preview && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{preview.title}</Title>
            <Text size="sm" data-testid="preview-facts">
              {t('print.previewFacts', { count: preview.rowCount, marking: preview.marking })}
            </Text>
          </Group>
          {preview.rowCount === 0 && !form.values.blank && (
            <Alert color="gray" mb="xs">
              {t('print.noRows')}
            </Alert>
          )}
          <iframe
            // No scripts, no forms, an opaque origin: the printout is shown, nothing more.
            sandbox=""
            srcDoc={previewDocument(preview.html)}
            title={t('print.previewFrame', { title: preview.title })}
            style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)', background: '#fff' }}
          />
        </Card>
      )}
    </Stack>
  );
}
