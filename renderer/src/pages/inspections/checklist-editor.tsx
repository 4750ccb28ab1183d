import { ActionIcon, Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../src/ledger/inspections/templates';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { required } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { GROUPS, type Group as GroupId } from './groups';

interface EditorValues {
  name: string;
  items: TemplateItem[];
}

/**
 * A new item takes the next free number after the highest one (ids are `A01`…`F36` in the
 * default), so ids stay unique and a removed item's id is never given to another item:
 * past runs refer to items by id.
 */
export function nextItemId(items: readonly TemplateItem[], group: GroupId): string {
  const max = items.reduce((m, i) => Math.max(m, Number.parseInt(i.id.slice(1), 10) || 0), 0);
  return `${group}${String(max + 1).padStart(2, '0')}`;
}

/** The edited copy of the checklist; saving writes it as the next version. Enter saves. */
export function ChecklistEditor({ name, items, onCancel, onSaved }: { name: string; items: readonly TemplateItem[]; onCancel: () => void; onSaved: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useForm<EditorValues>({
    initialValues: { name, items: items.map((i) => ({ ...i })) },
    validate: {
      name: required(t, t('checklist.name')),
      items: {
        text: required(t, t('checklist.itemText')),
        points: (v: number) => (Number.isFinite(v) && v >= 0 && v <= 100 ? null : t('checklist.badPoints')),
      },
    },
  });
  const list = form.values.items;

  const add = (group: GroupId) => {
    // After the group's last item; in an empty group, before the first item of a later one.
    const lastInGroup = list.map((i) => i.group).lastIndexOf(group);
    const later = list.findIndex((i) => i.group > group);
    const at = lastInGroup >= 0 ? lastInGroup + 1 : later >= 0 ? later : list.length;
    form.insertListItem('items', { id: nextItemId(list, group), group, text: '', points: 0 }, at);
  };

  const submit = form.onSubmit(async (v) => {
    if (v.items.length === 0) return;
    const done = await run(() =>
      window.api.templates.save({
        name: v.name.trim(),
        items: v.items.map((i) => ({ id: i.id, group: i.group, text: i.text.trim(), points: i.points, ...(i.evidence ? { evidence: i.evidence } : {}) })),
      }),
    );
    if (!done) return;
    notifySuccess(t('checklist.saved', { version: done.value.version }));
    await onSaved();
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate aria-label={t('checklist.editTitle')}>
      <Stack>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={4}>{t('checklist.editTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('checklist.editHint')}
            </Text>
            <TextInput label={t('checklist.name')} withAsterisk autoFocus maxLength={60} w={400} {...form.getInputProps('name')} />
          </Stack>
        </Card>
        {GROUPS.map((g) => (
          <Card withBorder key={g} data-testid={`edit-group-${g}`}>
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t(`inspection.groups.${g}`)}</Title>
              <Button size="compact-sm" variant="light" onClick={() => add(g)}>
                {t('checklist.addItem')}
              </Button>
            </Group>
            <Stack gap={6}>
              {list.map((item, index) =>
                item.group !== g ? null : (
                  <Group key={item.id} gap="xs" wrap="nowrap" align="flex-start" data-testid={`edit-item-${item.id}`}>
                    <Badge variant="outline" color="gray" ff="monospace" mt={8} style={{ flexShrink: 0 }}>
                      {item.id}
                    </Badge>
                    <TextInput
                      style={{ flex: 1 }}
                      aria-label={t('checklist.itemTextFor', { id: item.id })}
                      maxLength={200}
                      {...form.getInputProps(`items.${index}.text`)}
                    />
                    <NumberInput
                      w={90}
                      aria-label={t('checklist.pointsFor', { id: item.id })}
                      min={0}
                      max={100}
                      suffix={t('checklist.pointsSuffix')}
                      {...form.getInputProps(`items.${index}.points`)}
                      onChange={(v) => form.setFieldValue(`items.${index}.points`, typeof v === 'number' ? v : Number(v) || 0)}
                    />
                    {item.evidence && (
                      <Badge size="xs" variant="light" color="gray" mt={10} style={{ flexShrink: 0 }}>
                        {t('checklist.prefilled')}
                      </Badge>
                    )}
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={4}
                      aria-label={t('checklist.removeFor', { id: item.id })}
                      onClick={() => form.removeListItem('items', index)}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                ),
              )}
            </Stack>
          </Card>
        ))}
        {list.length === 0 && <FormError error={t('checklist.empty')} />}
        <FormError error={error} />
        <Group>
          <Button type="submit" loading={busy} disabled={list.length === 0}>
            {t('checklist.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
