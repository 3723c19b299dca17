/**
 * The OFL fonts bundled with the app (Noto Serif SC / Noto Sans SC, copied from their npm packages at build
 * time by scripts/fonts.ts, never committed). They stand in for the 公文 roles the PC lacks; the renderer
 * loads them from its own origin, so nothing is fetched from outside.
 */
import type { PdfFontRole } from './contract';

export interface BundledFont {
  readonly file: string;
  readonly family: string;
  readonly roles: readonly PdfFontRole[];
}

/** Served next to index.html (relative to the page), in the web and the Electron renderer builds alike. */
export const BUNDLED_FONT_URL_DIR = 'fonts/bundled/';

export const BUNDLED_FONTS: readonly BundledFont[] = [
  { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC', roles: ['fangsong', 'kaiti', 'songti'] },
  { file: 'NotoSerifSC-Bold.ttf', family: 'Noto Serif SC Bold', roles: ['xiaobiaosong'] },
  { file: 'NotoSansSC-Regular.ttf', family: 'Noto Sans SC', roles: ['heiti'] },
];
