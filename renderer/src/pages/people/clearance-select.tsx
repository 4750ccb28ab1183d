import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLEARANCES } from '../../lib/carrier-enums';

/** 涉密等级 of a person (核心, 重要, 一般): always one of them, so it cannot be cleared. */
export function ClearanceSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('people.clearance')}
      withAsterisk
      allowDeselect={false}
      data={CLEARANCES.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
      {...props}
    />
  );
}
