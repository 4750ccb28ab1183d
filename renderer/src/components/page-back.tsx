import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../shell/navigation';

/** The way back to where a page was opened from, above the page's title. */
export function PageBack() {
  const { t } = useTranslation();
  const { back } = useNavigation();
  return (
    <Group>
      <Button variant="subtle" size="compact-sm" onClick={back}>
        {t('detail.back')}
      </Button>
    </Group>
  );
}
