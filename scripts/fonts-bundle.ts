/**
 * The bundled OFL fonts (Noto Serif SC Regular/Bold, Noto Sans SC Regular from @expo-google-fonts, MIT
 * wrappers around OFL-1.1 fonts): copied out of node_modules into the gitignored resources/fonts/bundled/
 * and emitted into the renderer builds. Kept apart from fonts.ts so the Vite configs load only this.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { BUNDLED_FONT_URL_DIR } from '../shared/ipc/bundled-fonts';

// From import.meta.url (not import.meta.dirname): Vite rewrites the URL when it bundles a config importing this.
export const BUNDLED_FONT_DIR = fileURLToPath(new URL('../resources/fonts/bundled', import.meta.url));

/** npm packages (OFL-1.1 fonts, MIT wrappers) whose TTFs are copied into resources/fonts/bundled/ at build time. */
export const BUNDLED_SOURCES: readonly {
  readonly pkg: string;
  readonly file: string;
  readonly as: string;
}[] = [
  {
    pkg: '@expo-google-fonts/noto-serif-sc',
    file: '400Regular/NotoSerifSC_400Regular.ttf',
    as: 'NotoSerifSC-Regular.ttf',
  },
  {
    pkg: '@expo-google-fonts/noto-serif-sc',
    file: '700Bold/NotoSerifSC_700Bold.ttf',
    as: 'NotoSerifSC-Bold.ttf',
  },
  {
    pkg: '@expo-google-fonts/noto-sans-sc',
    file: '400Regular/NotoSansSC_400Regular.ttf',
    as: 'NotoSansSC-Regular.ttf',
  },
];

/**
 * Copies the bundled OFL fonts out of node_modules (with their licence) into `dest`. Returns what was
 * copied; a missing package is reported, not fatal, so builds without it still fall back to system fonts.
 */
export function copyBundledFonts(dest: string = BUNDLED_FONT_DIR): { copied: string[]; missing: string[] } {
  const require = createRequire(import.meta.url);
  mkdirSync(dest, { recursive: true });
  const copied: string[] = [];
  const missing: string[] = [];
  for (const src of BUNDLED_SOURCES) {
    let root: string;
    try {
      root = dirname(require.resolve(`${src.pkg}/package.json`));
    } catch {
      if (!missing.includes(src.pkg)) missing.push(src.pkg);
      continue;
    }
    copyFileSync(join(root, src.file), join(dest, src.as));
    const licence = join(root, 'LICENSE_FONT');
    if (existsSync(licence)) copyFileSync(licence, join(dest, 'OFL.txt'));
    copied.push(src.as);
  }
  return { copied, missing };
}

/**
 * Vite plugin for the renderer builds (web and Electron): copies the bundled fonts out of node_modules at
 * build start and emits them, with OFL.txt, as `fonts/bundled/*` next to index.html, where the renderer
 * loads them from its own origin. Nothing is committed; a build without the font packages still succeeds
 * (the app then needs the PC's own fonts, and says so).
 */
export function bundledFontsPlugin(dest: string = BUNDLED_FONT_DIR): Plugin {
  return {
    name: 'huiwen-bundled-fonts',
    apply: 'build',
    buildStart() {
      const { missing } = copyBundledFonts(dest);
      if (missing.length > 0) this.warn(`bundled fonts missing (npm install): ${missing.join(', ')}`);
    },
    generateBundle() {
      if (!existsSync(dest)) return;
      for (const name of readdirSync(dest)) {
        if (!/\.(ttf|otf|txt)$/i.test(name)) continue;
        this.emitFile({
          type: 'asset',
          fileName: `${BUNDLED_FONT_URL_DIR}${name}`,
          source: new Uint8Array(readFileSync(join(dest, name))),
        });
      }
    },
  };
}
