import { ActionIcon, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Computer } from '../../../../src/ledger/devices/device-model';
import { DateField } from '../../components/fields/date-field';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { FormFooter } from '../../components/form-footer';
import { computerDefaults, computerRules, FLAG_KEYS, newDisk, toRegisterInput, type ComputerValues } from './computer-form-model';
import { COMPUTER_KINDS } from './device-enums';
import { useRegisterForm } from './use-register-form';

const MAX_DISKS = 8;

interface ComputerRegisterFormProps {
  onDone: (computer: Computer) => void;
  onCancel: () => void;
}

/** 登记涉密计算机: every field of DOMAIN 2.2; it is put into use afterwards by 启用. */
export function ComputerRegisterForm({ onDone, onCancel }: ComputerRegisterFormProps) {
  const { t } = useTranslation();
  const { form, submit, error, busy, pickResponsible } = useRegisterForm({
    defaults: computerDefaults,
    rules: computerRules,
    register: (v: ComputerValues) => window.api.computers.register(toRegisterInput(v)),
    onDone,
  });

  const f = (key: string) => t(`computers.field.${key}`);
  return (
    <form onSubmit={submit} noValidate aria-label={t('computers.register.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
          <TextInput label={f('number')} withAsterisk autoFocus maxLength={40} {...form.getInputProps('number')} />
          <TextInput label={f('assetNo')} maxLength={40} {...form.getInputProps('assetNo')} />
          <LevelSelect label={f('level')} withAsterisk description={t('computers.register.levelHint')} {...form.getInputProps('level')} />
          <Select
            label={f('kind')}
            withAsterisk
            allowDeselect={false}
            data={COMPUTER_KINDS.map((k) => ({ value: k, label: t(`devices.computerKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={f('model')} maxLength={60} {...form.getInputProps('model')} />
          <TextInput label={f('serial')} maxLength={60} {...form.getInputProps('serial')} />
          <TextInput label={f('mac')} maxLength={60} placeholder="00-1A-2B-3C-4D-5E" {...form.getInputProps('mac')} />
          <TextInput label={f('authMethod')} maxLength={60} placeholder={t('computers.register.authPlaceholder')} {...form.getInputProps('authMethod')} />
          <TextInput label={f('os')} maxLength={60} {...form.getInputProps('os')} />
          <DateField label={f('osInstalledOn')} w="auto" {...form.getInputProps('osInstalledOn')} />
          <PersonSelect label={f('responsible')} withAsterisk {...form.getInputProps('responsibleId')} onChange={pickResponsible} />
          <PersonSelect label={f('user')} clearable {...form.getInputProps('userId')} onChange={(id) => form.setFieldValue('userId', id ?? '')} />
          <TextInput label={f('department')} maxLength={60} {...form.getInputProps('department')} />
          <TextInput label={f('location')} maxLength={100} {...form.getInputProps('location')} />
          <TextInput label={f('purpose')} maxLength={100} {...form.getInputProps('purpose')} />
          <DateField label={f('registeredOn')} withAsterisk w="auto" {...form.getInputProps('registeredOn')} />
        </SimpleGrid>

        <Fieldset legend={f('disks')} variant="filled" p="sm" data-testid="disk-list">
          <Stack gap={6}>
            {form.values.disks.map((d, i) => (
              <Group key={d.key} align="flex-start" gap="xs" wrap="nowrap">
                <Text size="sm" w={48} pt={6} c="dimmed">
                  {t('computers.register.diskN', { n: i + 1 })}
                </Text>
                <TextInput
                  aria-label={t('computers.register.diskSerialN', { n: i + 1 })}
                  placeholder={f('diskSerial')}
                  maxLength={60}
                  style={{ flex: 2 }}
                  {...form.getInputProps(`disks.${i}.serial`)}
                />
                <TextInput
                  aria-label={t('computers.register.diskCapacityN', { n: i + 1 })}
                  placeholder={t('computers.register.capacityPlaceholder')}
                  maxLength={20}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`disks.${i}.capacity`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('computers.register.removeDisk', { n: i + 1 })}
                  onClick={() => form.removeListItem('disks', i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                disabled={form.values.disks.length >= MAX_DISKS}
                onClick={() => form.insertListItem('disks', newDisk())}
              >
                {t('computers.register.addDisk')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('computers.register.disksHint')}
              </Text>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('computers.field.flags')} variant="filled" p="sm">
          <Group gap="lg">
            {FLAG_KEYS.map((k) => (
              <Checkbox key={k} label={t(`devices.flag.${k}`)} {...form.getInputProps(`flags.${k}`, { type: 'checkbox' })} />
            ))}
          </Group>
        </Fieldset>

        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={f('peripherals')} maxLength={200} placeholder={t('computers.register.peripheralsPlaceholder')} {...form.getInputProps('peripherals')} />
          <TextInput label={f('note')} maxLength={500} {...form.getInputProps('note')} />
        </SimpleGrid>

        <FormFooter error={error} busy={busy} submitLabel={t('computers.register.submit')} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
