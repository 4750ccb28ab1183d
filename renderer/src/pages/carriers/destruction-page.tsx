import { Alert, Button, Card, Fieldset, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../components/fields/approval-fields';
import { DateField } from '../../components/fields/date-field';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { DESTRUCTION_METHODS, type DestructionMethod } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, required, validDate } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useNavigation, type CarrierSummary } from '../../shell/navigation';

interface DestructionValues {
  occurredOn: string;
  reason: string;
  applicant: string;
  method: DestructionMethod | '';
  place: string;
  witness1: string;
  witness2: string;
  destroyer: string;
  note: string;
  approval: ApprovalValues;
}

/**
 * 销毁清单: the items chosen in the list, counted, approved, destroyed at a named
 * place by a named person before two witnesses. Main checks the witnesses are two
 * different people and neither is the destroyer; its refusal is shown as it comes.
 */
export function DestructionPage({ items: initialItems }: { items: CarrierSummary[] }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { navigate, back, memory } = useNavigation();
  const { run, error, busy } = useMutation();
  const [items, setItems] = useState(initialItems);
  const on = today();
  const form = useForm<DestructionValues>({
    initialValues: {
      occurredOn: on,
      reason: '',
      applicant: '',
      method: 'shredding',
      place: '',
      witness1: '',
      witness2: '',
      destroyer: '',
      note: '',
      approval: approvalDefaults('leader', on),
    },
    validate: {
      occurredOn: validDate(t, t('destroy.occurredOn')),
      reason: required(t, t('destroy.reason')),
      applicant: required(t, t('destroy.applicant')),
      method: chosen(t, t('destroy.method')),
      place: required(t, t('destroy.place')),
      witness1: required(t, t('destroy.witness1')),
      witness2: required(t, t('destroy.witness2')),
      destroyer: required(t, t('destroy.destroyer')),
      approval: approvalRules(t),
    },
  });

  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const ref = (name: string) => toPersonRef(name, people);
    const done = await run(() =>
      window.api.carriers.destroy({
        occurredOn: v.occurredOn,
        carrierIds: items.map((i) => i.id),
        reason: v.reason.trim(),
        applicant: ref(v.applicant),
        approval: toApproval(v.approval, people),
        method: v.method as DestructionMethod,
        place: v.place.trim(),
        witnesses: [ref(v.witness1), ref(v.witness2)],
        destroyer: ref(v.destroyer),
        note: v.note,
      }),
    );
    if (!done) return;
    // The destroyed items leave the list's selection.
    memory.delete('carriers.selection');
    notifySuccess(t('destroy.done', { count: done.value.carriers.length }));
    navigate({ page: 'carriers' });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate aria-label={t('destroy.title')}>
      <Stack maw={1000}>
        <Group justify="space-between">
          <Title order={2}>{t('destroy.title')}</Title>
          <Button variant="subtle" onClick={back}>
            {t('detail.back')}
          </Button>
        </Group>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('destroy.list', { count: items.length })}
          </Title>
          {items.length === 0 ? (
            <Alert color="yellow">{t('destroy.empty')}</Alert>
          ) : (
            <Table fz="sm" aria-label={t('destroy.list', { count: items.length })} data-testid="destroy-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>{t('destroy.col.index')}</Table.Th>
                  <Table.Th>{t('carrier.number')}</Table.Th>
                  <Table.Th>{t('carrier.title')}</Table.Th>
                  <Table.Th>{t('carrier.marking')}</Table.Th>
                  <Table.Th>{t('carrier.state')}</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c, i) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td ff="monospace">{c.number}</Table.Td>
                    <Table.Td>{c.title}</Table.Td>
                    <Table.Td>{c.marking}</Table.Td>
                    <Table.Td>{t(`carrierState.${c.state}`, { defaultValue: c.state })}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setItems((xs) => xs.filter((x) => x.id !== c.id))}>
                        {t('destroy.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <DateField label={t('destroy.occurredOn')} withAsterisk {...form.getInputProps('occurredOn')} />
              <TextInput label={t('destroy.reason')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('reason')} />
              <PersonNameInput label={t('destroy.applicant')} withAsterisk {...form.getInputProps('applicant')} />
            </Group>
            <ApprovalFields form={form} />
            <Group grow align="flex-start">
              <Select
                label={t('destroy.method')}
                withAsterisk
                allowDeselect={false}
                data={DESTRUCTION_METHODS.map((m) => ({ value: m, label: t(`destructionMethod.${m}`) }))}
                {...form.getInputProps('method')}
              />
              <TextInput label={t('destroy.place')} withAsterisk maxLength={100} {...form.getInputProps('place')} />
              <PersonNameInput label={t('destroy.destroyer')} withAsterisk {...form.getInputProps('destroyer')} />
            </Group>
            <Fieldset legend={t('destroy.witnesses')} variant="filled" p="sm">
              <Group grow align="flex-start">
                <PersonNameInput label={t('destroy.witness1')} withAsterisk {...form.getInputProps('witness1')} />
                <PersonNameInput label={t('destroy.witness2')} withAsterisk {...form.getInputProps('witness2')} />
              </Group>
            </Fieldset>
            <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
            <Text size="sm" c="dimmed">
              {t('destroy.keptForever')}
            </Text>
          </Stack>
        </Card>
        <FormError error={error} />
        <Group>
          <Button type="submit" color="red" loading={busy} disabled={items.length === 0}>
            {t('destroy.submit', { count: items.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
