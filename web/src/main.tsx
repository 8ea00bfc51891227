import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/noto-sans/wght.css';
import './utrecht.css';
import '@utrecht/design-tokens/dist/theme.css';
import './styles.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root ontbreekt');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
