import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../src/api/contract';
import type { TimelineEntry } from '../../../../../src/ledger/carriers/carrier-queries';
import { ActionFormFrame } from '../../../components/event-forms/event-form-frame';
import { CabinetSelect } from '../../../components/fields/cabinet-select';
import { DateField } from '../../../components/fields/date-field';
import { LevelSelect } from '../../../components/fields/level-select';
import { TermInput, termRule } from '../../../components/fields/term-input';
import { useMutation } from '../../../hooks/use-mutation';
import { CARRIER_TYPES, type CarrierType, type Level } from '../../../lib/carrier-enums';
import { today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { optionalWholeNumber, required, validDate, wholeNumber } from '../../../lib/form-rules';
import { parseTermText, termToText } from '../../../lib/term-text';
import { useDirectory } from '../../../shell/directory';
import type { ActionFormProps } from './action-form';

type Patch = InputOf<'carriers:correct'>['patch'];

interface CorrectValues {
  docNo: string;
  title: string;
  carrierType: CarrierType;
  issuer: string;
  level: Level;
  term: string;
  classifiedOn: string;
  scope: string;
  copies: number | string;
  copyNumbers: string;
  pages: number | string;
  capacity: string;
  classifier: string;
  classifyBasis: string;
  cabinetId: string | null;
  note: string;
  dueOn: string;
  reason: string;
  occurredOn: string;
}

const TEXT_FIELDS = ['docNo', 'title', 'issuer', 'scope', 'copyNumbers', 'capacity', 'classifier', 'classifyBasis', 'note'] as const;

/**
 * 更正: a wrong entry is never edited; a correction event points at it and changes the
 * record from now on. The form starts from the current values and sends only what changed.
 */
export function CorrectForm({ carrier, entry, onDone, onCancel }: ActionFormProps & { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const initial: CorrectValues = {
    docNo: carrier.docNo,
    title: carrier.title,
    carrierType: carrier.carrierType,
    issuer: carrier.issuer,
    level: carrier.level,
    term: termToText(carrier.term),
    classifiedOn: carrier.classifiedOn,
    scope: carrier.scope,
    copies: carrier.copies,
    copyNumbers: carrier.copyNumbers,
    pages: carrier.pages ?? '',
    capacity: carrier.capacity,
    classifier: carrier.classifier,
    classifyBasis: carrier.classifyBasis,
    cabinetId: carrier.cabinetId,
    note: carrier.note,
    dueOn: carrier.dueOn ?? '',
    reason: '',
    occurredOn: today(),
  };
  const form = useForm<CorrectValues>({
    initialValues: initial,
    validate: {
      title: required(t, t('carrier.title')),
      term: (v, values) => termRule(t, settings)(v, values.level),
      classifiedOn: validDate(t, t('carrier.classifiedOn')),
      copies: wholeNumber(t, t('carrier.copies'), 1, 9999),
      pages: optionalWholeNumber(t, t('carrier.pages'), 1, 99999),
      dueOn: (v) => (carrier.dueOn && !v ? t('form.required', { field: t('carrier.dueOn') }) : null),
      reason: required(t, t('correct.reason')),
      occurredOn: validDate(t, t('correct.occurredOn')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    const patch: Patch = {};
    for (const k of TEXT_FIELDS) if (v[k] !== initial[k]) patch[k] = v[k];
    if (v.carrierType !== initial.carrierType) patch.carrierType = v.carrierType;
    if (v.level !== initial.level) patch.level = v.level;
    if (v.term.trim() !== initial.term) {
      const parsed = parseTermText(v.term);
      if (parsed.ok) patch.term = parsed.term;
    }
    if (v.classifiedOn !== initial.classifiedOn) patch.classifiedOn = v.classifiedOn;
    if (Number(v.copies) !== initial.copies) patch.copies = Number(v.copies);
    if (String(v.pages) !== String(initial.pages)) patch.pages = v.pages === '' ? null : Number(v.pages);
    if (v.cabinetId !== initial.cabinetId) patch.cabinetId = v.cabinetId;
    if (carrier.dueOn && v.dueOn !== initial.dueOn) patch.dueOn = v.dueOn;
    if (Object.keys(patch).length === 0) {
      form.setFieldError('reason', t('correct.nothingChanged'));
      return;
    }
    const done = await run(() =>
      window.api.carriers.correct({
        carrierId: carrier.id,
        correctsEventId: entry.id,
        reason: v.reason.trim(),
        occurredOn: v.occurredOn,
        patch,
      }),
    );
    if (done) onDone();
  }, focusFirstError);

  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('correct.submit')} onCancel={onCancel}>
      <Text size="sm">{t('correct.intro', { id: entry.id, label: entry.label, date: entry.occurredOn })}</Text>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <TextInput label={t('carrier.title')} withAsterisk maxLength={200} autoFocus {...form.getInputProps('title')} />
        <TextInput label={t('carrier.docNo')} maxLength={60} {...form.getInputProps('docNo')} />
        <TextInput label={t('carrier.issuer')} maxLength={100} {...form.getInputProps('issuer')} />
        <Select
          label={t('carrier.carrierType')}
          allowDeselect={false}
          data={CARRIER_TYPES.map((c) => ({ value: c, label: t(`carrierType.${c}`) }))}
          {...form.getInputProps('carrierType')}
        />
        <LevelSelect label={t('carrier.level')} {...form.getInputProps('level')} />
        <TermInput level={form.values.level} label={t('carrier.term')} {...form.getInputProps('term')} />
        <DateField label={t('carrier.classifiedOn')} {...form.getInputProps('classifiedOn')} />
        <NumberInput label={t('carrier.copies')} min={1} max={9999} allowDecimal={false} {...form.getInputProps('copies')} />
        <TextInput label={t('carrier.copyNumbers')} maxLength={100} {...form.getInputProps('copyNumbers')} />
        <NumberInput label={t('carrier.pages')} min={1} max={99999} allowDecimal={false} {...form.getInputProps('pages')} />
        <TextInput label={t('carrier.capacity')} maxLength={40} {...form.getInputProps('capacity')} />
        <CabinetSelect label={t('carrier.cabinet')} {...form.getInputProps('cabinetId')} />
        <TextInput label={t('carrier.scope')} maxLength={200} {...form.getInputProps('scope')} />
        <TextInput label={t('carrier.classifier')} maxLength={40} {...form.getInputProps('classifier')} />
        <TextInput label={t('carrier.classifyBasis')} maxLength={200} {...form.getInputProps('classifyBasis')} />
        <TextInput label={t('carrier.note')} maxLength={500} {...form.getInputProps('note')} />
        {carrier.dueOn && <DateField label={t('carrier.dueOn')} {...form.getInputProps('dueOn')} />}
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('correct.reason')} withAsterisk maxLength={200} {...form.getInputProps('reason')} style={{ gridColumn: 'span 2' }} />
        <DateField label={t('correct.occurredOn')} withAsterisk {...form.getInputProps('occurredOn')} />
      </SimpleGrid>
    </ActionFormFrame>
  );
}
