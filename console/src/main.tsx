import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { AppFrame } from './App';
import { I18nProvider } from './i18n';
import './index.css';

const client = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true, retry: 1 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <I18nProvider>
        <AntApp>
          <AppFrame />
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
