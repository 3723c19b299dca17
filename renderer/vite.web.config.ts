/**
 * Builds the renderer alone for the browser preview and the Chromium e2e run (`npm run build:web`,
 * `npm run preview:web`). The preview server sends the same strict CSP as the Electron protocol handler,
 * with a fresh nonce per server start, so the browser run catches CSP breakage too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { generateNonce, htmlSecurityHeaders, htmlWithNonce } from '../electron/main/csp';
import { bundledFontsPlugin } from '../scripts/fonts-bundle';

const rendererRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(rendererRoot, '..');
// Overridable so parallel runs (several people, one checkout) need not clobber each other's build.
const outDir = process.env.HUIWEN_WEB_OUT
  ? path.resolve(process.env.HUIWEN_WEB_OUT)
  : path.join(repoRoot, 'dist-web');
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** Serves index.html with the nonce filled in, and the CSP (plus hardening headers) on every response. */
function cspPreviewServer(): Plugin {
  return {
    name: 'huiwen-csp-preview',
    configurePreviewServer(server) {
      const nonce = generateNonce();
      const headers = htmlSecurityHeaders(nonce);
      const indexFile = path.resolve(server.config.root, server.config.build.outDir, 'index.html');
      // Added directly (not returned), so it runs before Vite's static file handler.
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        const pathname = (req.url ?? '/').split(/[?#]/)[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        if (pathname !== '/' && pathname !== '/index.html') return next();
        // Read per request so a rebuild while the server runs is picked up.
        const html = htmlWithNonce(readFileSync(indexFile, 'utf8'), nonce);
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : html);
      });
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs work under app://huiwen/ and under the preview server alike.
  base: './',
  // bundledFontsPlugin: the OFL stand-in fonts for PDFs, emitted as fonts/bundled/* (docs/pdf.md).
  plugins: [react(), cspPreviewServer(), bundledFontsPlugin()],
  define: {
    'import.meta.env.VITE_HUIWEN_VERSION': JSON.stringify(pkg.version),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    // A desktop app loads from disk; one large antd chunk is fine and not worth the warning.
    chunkSizeWarningLimit: 4096,
    // Chromium supports modulepreload natively; skip the polyfill.
    modulePreload: { polyfill: false },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
