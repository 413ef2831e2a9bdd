import '../common/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { LangProvider } from '../common/i18n';
import { PortalRoutes } from './routes';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <BrowserRouter basename="/portaal">
        <PortalRoutes />
      </BrowserRouter>
    </LangProvider>
  </StrictMode>,
);
