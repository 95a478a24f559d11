// Owns starting the renderer: styles, the language provider and the app frame.
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { I18nProvider } from './lib/i18n';

// createElement rather than JSX keeps the entry a plain .ts module (the naming rule: only components are .tsx).
createRoot(document.getElementById('root')!).render(createElement(StrictMode, null, createElement(I18nProvider, null, createElement(App))));
