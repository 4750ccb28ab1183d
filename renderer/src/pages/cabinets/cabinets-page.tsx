import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { required } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { useDirectory } from '../../shell/directory';

/** 保密柜: where carriers are kept (存放位置). */
export function CabinetsPage() {
  const { t } = useTranslation();
  const { cabinets, reloadCabinets } = useDirectory();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { name: '', room: '', note: '' },
    validate: { name: required(t, t('cabinets.name')) },
  });

  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.cabinets.register({ name: v.name.trim(), room: v.room, note: v.note }));
    if (!done) return;
    notifySuccess(t('cabinets.registered', { name: done.value.name }));
    form.reset();
    await reloadCabinets();
  }, focusFirstError);

  return (
    <Stack>
      <Title order={2}>{t('cabinets.title')}</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate aria-label={t('cabinets.register')}>
          <Stack>
            <Title order={4}>{t('cabinets.register')}</Title>
            <Group grow align="flex-start">
              <TextInput label={t('cabinets.name')} withAsterisk autoFocus maxLength={40} {...form.getInputProps('name')} />
              <TextInput label={t('cabinets.room')} maxLength={60} {...form.getInputProps('room')} />
              <TextInput label={t('cabinets.note')} maxLength={200} {...form.getInputProps('note')} />
            </Group>
            <FormError error={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('cabinets.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('cabinets.list', { count: cabinets.length })}
        </Title>
        {cabinets.length === 0 ? (
          <Text c="dimmed">{t('cabinets.none')}</Text>
        ) : (
          <Table striped aria-label={t('cabinets.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cabinets.name')}</Table.Th>
                <Table.Th>{t('cabinets.room')}</Table.Th>
                <Table.Th>{t('cabinets.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cabinets.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.room || '—'}</Table.Td>
                  <Table.Td>{c.note || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
