import { Button, Card, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CabinetSelect } from '../../components/fields/cabinet-select';
import { DateField } from '../../components/fields/date-field';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { TermInput } from '../../components/fields/term-input';
import { CARRIER_TYPES, LEVEL_LABELS, needsCopyNumbers } from '../../lib/carrier-enums';
import type { ReceiveValues } from './receive-form-model';

interface ReceiveItemCardProps {
  form: UseFormReturnType<ReceiveValues>;
  index: number;
  /** Focus the title of a row the officer has just added. */
  focusTitle: boolean;
  onRemove: (() => void) | null;
}

/** One item of the delivery; the fields follow the 收文登记簿 columns. */
export function ReceiveItemCard({ form, index, focusTitle, onRemove }: ReceiveItemCardProps) {
  const { t } = useTranslation();
  const item = form.values.items[index];
  if (!item) return null;
  const p = (field: string) => form.getInputProps(`items.${index}.${field}`);
  const level = item.level;
  const copyHint = level && needsCopyNumbers(level) ? t('receive.copyNumbersHint', { level: LEVEL_LABELS[level] }) : undefined;

  return (
    <Card withBorder padding="sm" data-testid="receive-item" aria-label={t('receive.itemLabel', { n: index + 1 })} component="section">
      <Group justify="space-between" mb={4}>
        <Text fw={700}>{t('receive.itemLabel', { n: index + 1 })}</Text>
        {onRemove && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
            {t('receive.removeItem', { n: index + 1 })}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={4} spacing="sm" verticalSpacing={6}>
        <TextInput
          label={t('carrier.title')}
          withAsterisk
          maxLength={200}
          autoFocus={focusTitle}
          style={{ gridColumn: 'span 2' }}
          {...p('title')}
        />
        <TextInput label={t('carrier.docNo')} maxLength={60} {...p('docNo')} />
        <TextInput label={t('carrier.issuer')} maxLength={100} {...p('issuer')} />
        <LevelSelect label={t('carrier.level')} withAsterisk placeholder={t('receive.pickLevel')} {...p('level')} />
        <TermInput level={level} label={t('carrier.term')} {...p('term')} />
        <DateField label={t('carrier.classifiedOn')} withAsterisk w="auto" {...p('classifiedOn')} />
        <Select
          label={t('carrier.carrierType')}
          withAsterisk
          allowDeselect={false}
          data={CARRIER_TYPES.map((c) => ({ value: c, label: t(`carrierType.${c}`) }))}
          {...p('carrierType')}
        />
        <NumberInput label={t('carrier.copies')} withAsterisk min={1} max={9999} allowDecimal={false} {...p('copies')} />
        <TextInput
          label={t('carrier.copyNumbers')}
          withAsterisk={Boolean(copyHint)}
          description={copyHint}
          placeholder={t('receive.copyNumbersPlaceholder')}
          maxLength={100}
          {...p('copyNumbers')}
        />
        <NumberInput label={t('carrier.pages')} min={1} max={99999} allowDecimal={false} {...p('pages')} />
        <TextInput label={t('carrier.capacity')} maxLength={40} placeholder={t('receive.capacityPlaceholder')} {...p('capacity')} />
        <PersonSelect label={t('carrier.custodian')} placeholder={t('receive.custodianDefault')} clearable {...p('custodianId')} />
        <CabinetSelect label={t('carrier.cabinet')} {...p('cabinetId')} />
        <TextInput label={t('carrier.scope')} maxLength={200} {...p('scope')} />
        <TextInput label={t('receive.number')} placeholder={t('receive.numberAuto')} maxLength={40} {...p('number')} />
        <TextInput label={t('carrier.note')} maxLength={500} style={{ gridColumn: 'span 4' }} {...p('note')} />
      </SimpleGrid>
    </Card>
  );
}
