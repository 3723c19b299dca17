/**
 * electron-vite build: main and preload as CommonJS (`out/main/index.cjs`, `out/preload/index.cjs`),
 * renderer from renderer/index.html into out/renderer.
 *
 * Why CommonJS with .cjs: package.json is `"type": "module"`, so electron-vite would default to ESM;
 * a sandboxed preload cannot be an ES module, and the main process stays CJS for the same loader on
 * both sides. The .cjs extension makes Node read them as CJS despite the package type.
 * Dependencies (zod, via shared/ipc) are bundled, so out/ is self-contained and the packaged app
 * needs no node_modules; a sandboxed preload could not require them anyway.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { bundledFontsPlugin } from './scripts/fonts-bundle';

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const cjsEntry = (entry: string, outDir: string) => ({
  externalizeDeps: false,
  outDir: fromRoot(outDir),
  emptyOutDir: true,
  sourcemap: false,
  lib: { entry: fromRoot(entry), formats: ['cjs' as const], fileName: () => 'index.cjs' },
  rolldownOptions: { output: { format: 'cjs' as const, entryFileNames: 'index.cjs' } },
});

export default defineConfig({
  main: {
    build: cjsEntry('./electron/main/index.ts', './out/main'),
  },
  preload: {
    // Sandboxed preloads can require only 'electron', so everything else (the contract, and zod which
    // its top-level schemas pull in; ~160 kB, built at load but never used here) is bundled into this one file.
    build: cjsEntry('./electron/preload/index.ts', './out/preload'),
  },
  renderer: {
    root: fromRoot('./renderer'),
    // The OFL stand-in fonts for PDFs, emitted as fonts/bundled/* beside index.html (docs/pdf.md).
    plugins: [react(), bundledFontsPlugin()],
    build: {
      outDir: fromRoot('./out/renderer'),
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      rolldownOptions: { input: fromRoot('./renderer/index.html') },
    },
  },
});
