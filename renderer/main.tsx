import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { nonceDynamicStyles, readCspNonce } from './app/csp-nonce';
import { Root } from './app/Root';
import { getPlatform } from './platform';
import './ui/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

const nonce = readCspNonce(document);
if (nonce) nonceDynamicStyles(document, nonce);

createRoot(container).render(
  <StrictMode>
    <Root nonce={nonce} platform={getPlatform()} />
  </StrictMode>,
);
