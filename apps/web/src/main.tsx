import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConfigProvider } from 'tdesign-react';
// TDesign's toasts and plugins render through ReactDOM.render, which React 19 removed; the adapter supplies createRoot.
import 'tdesign-react/es/_util/react-19-adapter';
import zhCN from 'tdesign-react/es/locale/zh_CN';
import 'tdesign-react/es/style/index.css';
import { App } from './App';
import { applyStoredDisplayModes } from './display-settings';
import { queryClient } from './query';
// Our stylesheet comes after TDesign's, so the theme variables and the 大字版/高对比度 modes win.
import './styles.css';

applyStoredDisplayModes();
const root = document.getElementById('root');
if (root) {
  // The API answers every page path with the app (or, for the portal, a server-rendered page that the app
  // then replaces), so the app routes on history URLs: /inbox, /public/items/<id>.
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider globalConfig={zhCN}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </ConfigProvider>
    </StrictMode>,
  );
}
