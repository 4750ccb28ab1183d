import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personLabel } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';

/** A registered person, picked by typing part of the name (the value is the person's id). */
export function PersonSelect(props: Omit<SelectProps, 'data'> & { includeInactive?: boolean }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { includeInactive = false, ...rest } = props;
  const data = people
    // Someone who left the post is still on the roll (active) but may not be given anything.
    .filter((p) => includeInactive || (p.active && p.leftOn === null))
    .map((p) => ({ value: p.id, label: personLabel(p) }));
  return (
    <Select
      searchable
      data={data}
      nothingFoundMessage={t('form.noPerson')}
      placeholder={t('form.pickPerson')}
      {...rest}
    />
  );
}
