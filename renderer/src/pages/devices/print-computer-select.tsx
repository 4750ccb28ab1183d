import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { computerLabel, useComputers } from './use-device-lists';

/**
 * The computer whose 使用登记簿 (register 9) is printed: on the print page when the chosen
 * register's subject is 'computer'. Destroyed computers stay selectable, since their books
 * are kept for five years.
 */
export function PrintComputerSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const { computers } = useComputers();
  const data = (computers ?? []).map((c) => ({ value: c.id, label: computerLabel(c, t(`level.${c.level}`)) }));
  return (
    <Select
      label={t('computers.printSubject')}
      withAsterisk
      searchable
      w={280}
      data={data}
      nothingFoundMessage={t('computers.empty')}
      {...props}
    />
  );
}
