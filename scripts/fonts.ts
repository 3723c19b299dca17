/**
 * Node side of the font pipeline: find the role fonts (仿宋, 小标宋, 黑体, 楷体, 宋体) installed on the PC,
 * fall back to the bundled OFL fonts (resources/fonts/bundled/) and then to any Noto CJK face, and say which
 * font stood in for which role. Also the HarfBuzz subsetter for Node (subset-font wraps harfbuzzjs).
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { discoverFonts as discover, readFace, type FontChoice } from '../electron/main/system-fonts';
import {
  createHarfbuzzSubsetter,
  type HbExports,
  type FontFace,
  type FontRole,
  type FontSet,
  type FontSubsetter,
  type PdfEnv,
  FONT_ROLES,
  ROLE_LABEL,
} from '../shared/pdf';

import { BUNDLED_FONT_DIR, copyBundledFonts } from './fonts-bundle';

export { BUNDLED_FONT_DIR, BUNDLED_SOURCES, bundledFontsPlugin, copyBundledFonts } from './fonts-bundle';
export type { FontChoice } from '../electron/main/system-fonts';
export { readFace, systemFontDirs } from '../electron/main/system-fonts';

// subset-font ships no type declarations; this is the slice of its API we use.
type SubsetFont = (
  font: Buffer,
  text: string,
  opts: { targetFormat: 'sfnt'; noLayoutClosure?: boolean },
) => Promise<Buffer>;
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

export interface DiscoverOptions {
  /** Folders searched for the real role fonts (default: the system folders). */
  readonly systemDirs?: readonly string[];
  readonly bundledDir?: string;
}

/**
 * Picks a font for every role (the PC's own, else the bundled OFL stand-ins, else an installed Noto CJK);
 * throws a clear Chinese error when not even a stand-in exists. Discovery itself lives in main
 * (electron/main/system-fonts.ts), which answers the renderer's `systemFonts` with the same rules.
 */
export function discoverFonts(opts: DiscoverOptions = {}): FontChoice[] {
  return discover({
    ...(opts.systemDirs ? { systemDirs: opts.systemDirs } : {}),
    bundledDir: opts.bundledDir ?? BUNDLED_FONT_DIR,
  });
}

export function loadFontSet(choices: readonly FontChoice[] = discoverFonts()): FontSet {
  const entries = choices.map((c): [FontRole, FontFace] => [
    c.role,
    {
      id: `${c.path}#${c.faceIndex}`,
      family: c.family,
      bytes: readFace(c.path, c.faceIndex),
      standIn: c.standIn,
    },
  ]);
  const set = Object.fromEntries(entries) as Record<FontRole, FontFace>;
  for (const role of FONT_ROLES) if (!set[role]) throw new Error(`缺少“${ROLE_LABEL[role]}”字体`);
  return set;
}

/**
 * HarfBuzz subsetting through the subset-font package. The reference implementation: `nodeSubsetter`
 * makes the same calls through the engine's own wasm wrapper, which the browser Worker shares.
 */
export const subsetFontSubsetter: FontSubsetter = async (font, text) => {
  // No layout closure: the engine draws the characters' default glyphs, so GSUB alternates (vertical
  // forms, locl variants) would only bloat the subset.
  const out = await subsetFont(Buffer.from(font.buffer, font.byteOffset, font.byteLength), text, {
    targetFormat: 'sfnt',
    noLayoutClosure: true,
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** HarfBuzz subsetting in Node: the engine's wasm subsetter (shared with the Worker), wasm read from node_modules. */
export const nodeSubsetter: FontSubsetter = createHarfbuzzSubsetter(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(wasm);
  const exports = instance.exports as unknown as HbExports & { _initialize(): void };
  exports._initialize();
  return exports;
});

export function nodePdfEnv(choices?: readonly FontChoice[]): PdfEnv {
  return { fonts: loadFontSet(choices), subsetter: nodeSubsetter };
}

/** "仿宋 ← Noto Serif CJK SC（代用，系统）" lines for the CLI. */
export function describeChoices(choices: readonly FontChoice[]): string {
  return choices
    .map(
      (c) =>
        `${ROLE_LABEL[c.role]} ← ${c.family}（${c.standIn ? '代用' : '本体'}，${c.source === 'bundled' ? '内置' : '系统'}） ${c.path}`,
    )
    .join('\n');
}

/**
 *   tsx scripts/fonts.ts            prints which font serves which role on this PC
 *   tsx scripts/fonts.ts --bundle   copies the bundled OFL fonts into resources/fonts/bundled/
 */
function main(): void {
  if (process.argv.includes('--bundle')) {
    const { copied, missing } = copyBundledFonts();
    console.info(`已复制内置字体：${copied.join('、') || '（无）'}`);
    if (missing.length > 0) console.warn(`缺少字体包：${missing.join('、')}（请先 npm install）`);
    return;
  }
  console.info(describeChoices(discoverFonts()));
}

if (process.argv[1] && resolvePath(process.argv[1]) === resolvePath(fileURLToPath(import.meta.url))) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
