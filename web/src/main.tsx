import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
// antd ships this locale as ES module code with CommonJS-style typings (no "type": "module"), so TypeScript's view of
// the default export is one level off from what the bundler gives: read `.default` of the namespace, typed by hand.
import type { Locale } from 'antd/es/locale/index.js';
import * as viVNModule from 'antd/es/locale/vi_VN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { SessionProvider } from './session/session-context.tsx';
import { AppRoutes } from './app-routes.tsx';
import { theme } from './theme.ts';

dayjs.locale('vi');
const viVN = (viVNModule as unknown as { default: Locale }).default;

const container = document.getElementById('root');
if (!container) throw new Error('Thiếu phần tử #root trong index.html');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
