import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createI18n, storedLanguage } from './i18n/i18n';
import { Providers } from './providers';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <Providers i18n={createI18n(storedLanguage())}>
      <App />
    </Providers>
  </StrictMode>,
);
