import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personNames } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';

/**
 * A person named in an approval or as a witness: one of the registered people, or any
 * name typed in (approvers of the issuing authority are often not on the unit's list).
 */
export function PersonNameInput(props: Omit<AutocompleteProps, 'data'>) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  return <Autocomplete data={personNames(people)} placeholder={t('form.typePerson')} {...props} />;
}
