import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEVELS, type Level } from '../../lib/carrier-enums';

interface LevelSelectProps extends Omit<SelectProps, 'data'> {
  /** The levels a rule leaves open (R-04: a device's level only rises); all four by default. */
  levels?: readonly Level[];
}

/** 密级: every item and device has one, so once chosen it cannot be cleared. */
export function LevelSelect({ levels = LEVELS, ...props }: LevelSelectProps) {
  const { t } = useTranslation();
  return <Select allowDeselect={false} data={levels.map((l) => ({ value: l, label: t(`level.${l}`) }))} {...props} />;
}
