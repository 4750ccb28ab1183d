import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

// Local fonts only: the app is offline and the CSP forbids remote ones.
const theme = createTheme({
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  primaryColor: 'indigo',
});

/** `env="test"` (unit tests only) turns off Mantine's transitions and portals under jsdom. */
export function Providers({ i18n, children, env }: { i18n: I18n; children: ReactNode; env?: 'test' }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
        <Notifications position="top-right" />
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
}
