import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../../src/ledger/carriers/carrier-model';
import { formatMarking } from '../../../../src/ledger/classification/term';
import { DateField } from '../../components/fields/date-field';
import { PersonSelect } from '../../components/fields/person-select';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { useDirectory } from '../../shell/directory';
import { useNavigation } from '../../shell/navigation';
import { emptyItem, receiveRules, toReceiveInput, type ReceiveValues } from './receive-form-model';
import { ReceiveItemCard } from './receive-item-card';

/** A delivery holds at most this many items (the core's limit for one receipt). */
const MAX_ITEMS = 200;

/**
 * 收文登记: one delivery, counted and numbered, every item on the same receipt
 * signed by the receiver. The header is the receipt; the rows are the items.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const { settings } = useDirectory();
  const { navigate, back } = useNavigation();
  const { run, error, busy } = useMutation();
  const [received, setReceived] = useState<Carrier[] | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const on = today();
  const form = useForm<ReceiveValues>({
    initialValues: { receivedOn: on, receiverId: '', items: [emptyItem(on)] },
    validate: receiveRules(t, settings),
  });

  const addItem = () => {
    const last = form.values.items[form.values.items.length - 1];
    const item = emptyItem(form.values.receivedOn, last?.issuer ?? '');
    form.insertListItem('items', item);
    setFocusKey(item.key);
  };

  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.carriers.receive(toReceiveInput(v)));
    if (!done) return;
    setReceived(done.value);
    form.setValues({ receivedOn: v.receivedOn, receiverId: v.receiverId, items: [emptyItem(v.receivedOn)] });
    form.resetDirty();
  }, focusFirstError);

  if (received) {
    return (
      <Stack maw={900}>
        <Title order={2}>{t('receive.title')}</Title>
        <Alert color="teal" title={t('receive.done', { count: received.length })} data-testid="receive-done">
          <Table fz="sm" mt="xs" aria-label={t('receive.doneTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('carrier.number')}</Table.Th>
                <Table.Th>{t('carrier.receiptNo')}</Table.Th>
                <Table.Th>{t('carrier.title')}</Table.Th>
                <Table.Th>{t('carrier.marking')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {received.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component="button" ff="monospace" fz="sm" onClick={() => navigate({ page: 'carrier', id: c.id })}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{c.receiptNo}</Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td>{formatMarking(c.level, c.term)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
        <Group>
          <Button onClick={() => setReceived(null)} autoFocus>
            {t('receive.another')}
          </Button>
          <Button variant="default" onClick={() => navigate({ page: 'carriers' })}>
            {t('receive.toList')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('receive.title')}>
      <Stack maw={1100}>
        <Group justify="space-between">
          <Title order={2}>{t('receive.title')}</Title>
          <Button variant="subtle" onClick={back}>
            {t('detail.back')}
          </Button>
        </Group>
        <Card withBorder>
          <Group align="flex-start">
            <DateField label={t('receive.receivedOn')} withAsterisk {...form.getInputProps('receivedOn')} />
            <PersonSelect label={t('receive.receiver')} withAsterisk autoFocus w={260} {...form.getInputProps('receiverId')} />
            <Text size="sm" c="dimmed" maw={420} mt={24}>
              {t('receive.intro')}
            </Text>
          </Group>
        </Card>
        {form.values.items.map((item, i) => (
          <ReceiveItemCard
            key={item.key}
            form={form}
            index={i}
            focusTitle={item.key === focusKey}
            onRemove={form.values.items.length > 1 ? () => form.removeListItem('items', i) : null}
          />
        ))}
        <Group>
          <Button variant="default" onClick={addItem} disabled={form.values.items.length >= MAX_ITEMS}>
            {t('receive.addItem')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('receive.itemCount', { count: form.values.items.length })}
          </Text>
        </Group>
        <FormError error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('receive.submit', { count: form.values.items.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
