import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../src/api/contract';
import type { Medium } from '../../../../src/ledger/devices/device-model';
import { DateField } from '../../components/fields/date-field';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { FormFooter } from '../../components/form-footer';
import type { Level } from '../../lib/carrier-enums';
import { chosen, required, validDate } from '../../lib/form-rules';
import { BACKUP_PURPOSE, MEDIUM_KINDS, type MediumKind } from './device-enums';
import { useRegisterForm } from './use-register-form';

export interface MediumValues {
  registeredOn: string;
  number: string;
  kind: MediumKind | '';
  model: string;
  serial: string;
  volumeUuid: string;
  capacity: string;
  level: Level | '';
  responsibleId: string;
  department: string;
  location: string;
  purpose: string;
  note: string;
}

export const mediumDefaults = (on: string): MediumValues => ({
  registeredOn: on,
  number: '',
  kind: 'usb',
  model: '',
  serial: '',
  volumeUuid: '',
  capacity: '',
  level: '',
  responsibleId: '',
  department: '',
  location: '',
  purpose: '',
  note: '',
});

export const mediumRules = (t: TFunction) => ({
  registeredOn: validDate(t, t('media.field.registeredOn')),
  number: required(t, t('media.field.number')),
  kind: chosen(t, t('media.field.kind')),
  level: chosen(t, t('media.field.level')),
  responsibleId: chosen(t, t('media.field.responsible')),
});

export const toMediumInput = (v: MediumValues): InputOf<'media:register'> => ({
  registeredOn: v.registeredOn,
  fields: {
    number: v.number.trim(),
    kind: v.kind as MediumKind,
    model: v.model.trim(),
    serial: v.serial.trim(),
    volumeUuid: v.volumeUuid.trim(),
    capacity: v.capacity.trim(),
    level: v.level as Level,
    responsibleId: v.responsibleId,
    department: v.department.trim(),
    location: v.location.trim(),
    purpose: v.purpose.trim(),
    note: v.note.trim(),
  },
});

/** 登记移动存储介质: DOMAIN 2.3; it is issued (配发) and bound to computers afterwards. */
export function MediumRegisterForm({ onDone, onCancel }: { onDone: (m: Medium) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { form, submit, error, busy, pickResponsible } = useRegisterForm({
    defaults: mediumDefaults,
    rules: mediumRules,
    register: (v: MediumValues) => window.api.media.register(toMediumInput(v)),
    onDone,
  });
  const f = (key: string) => t(`media.field.${key}`);
  const backup = form.values.purpose.trim() === BACKUP_PURPOSE;
  return (
    <form onSubmit={submit} noValidate aria-label={t('media.register.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <TextInput label={f('number')} withAsterisk autoFocus maxLength={40} {...form.getInputProps('number')} />
          <Select
            label={f('kind')}
            withAsterisk
            allowDeselect={false}
            data={MEDIUM_KINDS.map((k) => ({ value: k, label: t(`devices.mediumKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <LevelSelect label={f('level')} withAsterisk {...form.getInputProps('level')} />
          <TextInput label={f('model')} maxLength={60} {...form.getInputProps('model')} />
          <TextInput label={f('serial')} maxLength={80} {...form.getInputProps('serial')} />
          <TextInput label={f('volumeUuid')} maxLength={80} {...form.getInputProps('volumeUuid')} />
          <TextInput label={f('capacity')} maxLength={20} placeholder="64GB" {...form.getInputProps('capacity')} />
          <PersonSelect label={f('responsible')} withAsterisk {...form.getInputProps('responsibleId')} onChange={pickResponsible} />
          <TextInput label={f('department')} maxLength={60} {...form.getInputProps('department')} />
          <TextInput label={f('location')} maxLength={100} {...form.getInputProps('location')} />
          <Stack gap={4}>
            <TextInput label={f('purpose')} maxLength={100} {...form.getInputProps('purpose')} />
            <Group gap={4}>
              <Button size="compact-xs" variant={backup ? 'filled' : 'light'} onClick={() => form.setFieldValue('purpose', BACKUP_PURPOSE)}>
                {BACKUP_PURPOSE}
              </Button>
            </Group>
          </Stack>
          <DateField label={f('registeredOn')} withAsterisk w="auto" {...form.getInputProps('registeredOn')} />
        </SimpleGrid>
        <TextInput label={f('note')} maxLength={500} {...form.getInputProps('note')} />
        {backup && (
          <Alert color="blue" variant="light">
            {t('media.register.backupHint')}
          </Alert>
        )}
        <FormFooter error={error} busy={busy} submitLabel={t('media.register.submit')} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
