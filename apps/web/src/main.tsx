import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { applyStoredDisplayModes } from './display-settings';
import { queryClient } from './query';
import './styles.css';

applyStoredDisplayModes();
const root = document.getElementById('root');
if (root) {
  // The API answers every page path with the app (or, for the portal, a server-rendered page that the app
  // then replaces), so the app routes on history URLs: /inbox, /public/items/<id>.
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}
