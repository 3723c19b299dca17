import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { nonceDynamicStyles, readCspNonce } from './app/csp-nonce';
import { RecoveryGate } from './app/RecoveryGate';
import { getPlatform } from './platform';
import './ui/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

const nonce = readCspNonce(document);
if (nonce) nonceDynamicStyles(document, nonce);

createRoot(container).render(
  <StrictMode>
    {/* The gate opens and checks the store first; a damaged store gets the recovery screen, not the app. */}
    <RecoveryGate nonce={nonce} platform={getPlatform()} />
  </StrictMode>,
);
