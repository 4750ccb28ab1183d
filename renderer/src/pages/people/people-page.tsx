import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import type { Clearance } from '../../lib/carrier-enums';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, required } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { useDirectory } from '../../shell/directory';
import { useNavigation } from '../../shell/navigation';
import { ClearanceSelect } from './clearance-select';
import { PersonStatusBadge } from './person-status';

/**
 * 人员: who may hold, borrow, approve and witness, with 涉密等级, 承诺书 and 上岗 dates and
 * the status (在岗/离岗/离职, 脱密期 end); a name opens the person's page (post, 离岗, R-12, R-14).
 */
export function PeoplePage() {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { navigate } = useNavigation();
  return (
    <Stack>
      <Title order={2}>{t('people.title')}</Title>
      <RegisterPersonForm />
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('people.list', { count: people.length })}
        </Title>
        {people.length === 0 ? (
          <Text c="dimmed">{t('people.none')}</Text>
        ) : (
          <Table striped highlightOnHover aria-label={t('people.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.name')}</Table.Th>
                <Table.Th>{t('people.department')}</Table.Th>
                <Table.Th>{t('people.post')}</Table.Th>
                <Table.Th>{t('people.clearance')}</Table.Th>
                <Table.Th>{t('staff.pledgeOn')}</Table.Th>
                <Table.Th>{t('staff.onPostOn')}</Table.Th>
                <Table.Th>{t('people.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => navigate({ page: 'person', id: p.id })}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.department || '—'}</Table.Td>
                  <Table.Td>{p.post || '—'}</Table.Td>
                  <Table.Td>{t(`clearance.${p.clearance}`)}</Table.Td>
                  <Table.Td>{p.pledgeOn ?? '—'}</Table.Td>
                  <Table.Td>{p.onPostOn ?? '—'}</Table.Td>
                  <Table.Td>
                    <PersonStatusBadge person={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function RegisterPersonForm() {
  const { t } = useTranslation();
  const { reloadPeople } = useDirectory();
  const { run, error, busy } = useMutation();
  const form = useForm<{ name: string; department: string; post: string; clearance: Clearance | '' }>({
    initialValues: { name: '', department: '', post: '', clearance: 'general' },
    validate: { name: required(t, t('people.name')), clearance: chosen(t, t('people.clearance')) },
  });

  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.people.register({ name: v.name.trim(), department: v.department, post: v.post, clearance: v.clearance as Clearance }),
    );
    if (!done) return;
    notifySuccess(t('people.registered', { name: done.value.name }));
    form.reset();
    await reloadPeople();
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('people.register')}>
        <Stack>
          <Title order={4}>{t('people.register')}</Title>
          <Group grow align="flex-start">
            <TextInput label={t('people.name')} withAsterisk autoFocus maxLength={40} {...form.getInputProps('name')} />
            <TextInput label={t('people.department')} maxLength={60} {...form.getInputProps('department')} />
            <TextInput label={t('people.post')} maxLength={60} {...form.getInputProps('post')} />
            <ClearanceSelect {...form.getInputProps('clearance')} />
          </Group>
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('people.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
