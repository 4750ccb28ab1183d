import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/ledger/people/people';
import { DateField } from '../../components/fields/date-field';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import type { Clearance } from '../../lib/carrier-enums';
import { isIsoDate, today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, validDate } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { ClearanceSelect } from './clearance-select';

interface PostValues {
  department: string;
  post: string;
  clearance: Clearance | '';
  pledgeOn: string;
  onPostOn: string;
  occurredOn: string;
}

/**
 * 岗位信息: department, post, 涉密等级 (the level of the highest post held), the dates of
 * the 保密承诺书 and of taking up the post. Each change is an event with before and after.
 */
export function PostForm({ person, onSaved }: { person: Person; onSaved: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  // What the ledger holds now: the saved answer until the page's reload brings the new person.
  const [stored, setStored] = useState(person);
  useEffect(() => setStored(person), [person]);
  const optionalDate = (field: string) => (v: string) => (v === '' || isIsoDate(v) ? null : t('form.badDate', { field }));
  const form = useForm<PostValues>({
    initialValues: {
      department: person.department,
      post: person.post,
      clearance: person.clearance,
      pledgeOn: person.pledgeOn ?? '',
      onPostOn: person.onPostOn ?? '',
      occurredOn: today(),
    },
    validate: {
      clearance: chosen(t, t('people.clearance')),
      pledgeOn: optionalDate(t('staff.pledgeOn')),
      onPostOn: optionalDate(t('staff.onPostOn')),
      occurredOn: validDate(t, t('staff.changedOn')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    if (busy) return;
    const next = {
      department: v.department.trim(),
      post: v.post.trim(),
      clearance: v.clearance as Clearance,
      pledgeOn: v.pledgeOn || null,
      onPostOn: v.onPostOn || null,
    };
    // Enter on the untouched form (or again before the page reloads) would append a
    // post_changed event that changes nothing.
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === stored[k])) {
      form.setFieldError('department', t('staff.postUnchanged'));
      return;
    }
    const done = await run(() => window.api.people.updatePost({ personId: person.id, occurredOn: v.occurredOn, ...next }));
    if (!done) return;
    setStored(done.value);
    notifySuccess(t('staff.postSaved', { name: person.name }));
    await onSaved();
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('staff.postTitle')}>
        <Stack gap="sm">
          <Title order={4}>{t('staff.postTitle')}</Title>
          <Group grow align="flex-start">
            <TextInput label={t('people.department')} autoFocus maxLength={60} {...form.getInputProps('department')} />
            <TextInput label={t('people.post')} maxLength={60} {...form.getInputProps('post')} />
            <ClearanceSelect {...form.getInputProps('clearance')} />
          </Group>
          <Group align="flex-start">
            <DateField label={t('staff.pledgeOn')} {...form.getInputProps('pledgeOn')} />
            <DateField label={t('staff.onPostOn')} {...form.getInputProps('onPostOn')} />
            <DateField label={t('staff.changedOn')} withAsterisk {...form.getInputProps('occurredOn')} />
          </Group>
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={busy} disabled={!!person.leftOn && person.leaveKind === 'left_unit'}>
              {t('staff.savePost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
