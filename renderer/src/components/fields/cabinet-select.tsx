import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../shell/directory';

/** 存放位置: a registered 保密柜 (optional wherever the core allows none). */
export function CabinetSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const { cabinets } = useDirectory();
  const data = cabinets.map((c) => ({ value: c.id, label: c.room ? `${c.name}（${c.room}）` : c.name }));
  return <Select searchable clearable data={data} nothingFoundMessage={t('form.noCabinet')} {...props} />;
}
