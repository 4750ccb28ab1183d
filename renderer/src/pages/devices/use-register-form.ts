import { useForm, type FormValidateInput } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../../src/api/result';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { useDirectory } from '../../shell/directory';

/** The two fields every device register has that the responsible person fills in. */
interface ResponsibleValues {
  responsibleId: string;
  department: string;
}

interface RegisterFormOptions<V extends ResponsibleValues, R> {
  defaults: (on: string) => V;
  rules: (t: TFunction) => FormValidateInput<V>;
  register: (v: V) => Promise<IpcResult<R>>;
  onDone: (registered: R) => void;
}

/** The state of a 登记 form for a computer or a medium, dated today until the officer says otherwise. */
export function useRegisterForm<V extends ResponsibleValues, R>({ defaults, rules, register, onDone }: RegisterFormOptions<V, R>) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const form = useForm<V>({ initialValues: defaults(today()), validate: rules(t) });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => register(v));
    if (done) onDone(done.value);
  }, focusFirstError);
  // Mantine cannot work out a field's type on a generic V; these two are strings in every V.
  const setText = form.setFieldValue as (path: keyof ResponsibleValues, value: string) => void;
  // The responsible person's department is nearly always the device's, unless one was typed.
  const pickResponsible = (id: string | null) => {
    setText('responsibleId', id ?? '');
    const dept = people.find((p) => p.id === id)?.department;
    if (dept && form.getValues().department === '') setText('department', dept);
  };
  return { form, submit, error, busy, pickResponsible };
}
