/**
 * Node side of the font pipeline: find the role fonts (仿宋, 小标宋, 黑体, 楷体, 宋体) installed on the PC,
 * fall back to the bundled OFL fonts (resources/fonts/bundled/) and then to any Noto CJK face, and say which
 * font stood in for which role. Also the HarfBuzz subsetter for Node (subset-font wraps harfbuzzjs).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { createRequire } from 'node:module';
import {
  createHarfbuzzSubsetter,
  extractFace,
  faceNames,
  type HbExports,
  isCollection,
  type FontFace,
  type FontRole,
  type FontSet,
  type FontSubsetter,
  type PdfEnv,
  FONT_ROLES,
  ROLE_LABEL,
} from '../shared/pdf';

export interface FontChoice {
  readonly role: FontRole;
  readonly path: string;
  readonly faceIndex: number;
  readonly family: string;
  /** True when the font is not the role's own style (e.g. Noto Serif standing in for 仿宋). */
  readonly standIn: boolean;
  readonly source: 'system' | 'bundled';
}

/** File-name patterns of each role's real fonts, most preferred first. */
const ROLE_PATTERNS: Readonly<Record<FontRole, readonly RegExp[]>> = {
  fangsong: [/仿宋_?GB2312/i, /fangsong_?gb2312/i, /方正仿宋/, /FZFS/i, /^simfang\./i, /仿宋/, /fangsong/i],
  xiaobiaosong: [/方正小标宋/, /小标宋/, /FZXBS/i, /xiaobiaosong/i],
  heiti: [/^simhei\./i, /黑体/, /FZHT/i, /heiti/i],
  kaiti: [/楷体_?GB2312/i, /kaiti_?gb2312/i, /^simkai\./i, /方正楷体/, /FZKT/i, /楷体/, /kaiti/i],
  songti: [/^simsun\./i, /宋体/, /FZSS/i, /songti/i],
};

/** Stand-ins when the PC lacks a role's font: file-name pattern, and the face to take from a collection. */
const STAND_INS: Readonly<Record<FontRole, readonly RegExp[]>> = {
  fangsong: [/^NotoSerifSC-Regular\./i, /^NotoSerifCJK-Regular\.ttc$/i, /^NotoSerifCJKsc-Regular\./i],
  xiaobiaosong: [
    /^NotoSerifSC-Bold\./i,
    /^NotoSerifCJK-Bold\.ttc$/i,
    /^NotoSerifCJKsc-Bold\./i,
    /^NotoSerifSC-Black\./i,
  ],
  heiti: [/^NotoSansSC-Regular\./i, /^NotoSansCJK-Regular\.ttc$/i, /^NotoSansCJKsc-Regular\./i],
  kaiti: [/ukai/i, /^NotoSerifSC-Regular\./i, /^NotoSerifCJK-Regular\.ttc$/i],
  songti: [/^NotoSerifSC-Regular\./i, /^NotoSerifCJK-Regular\.ttc$/i, /^NotoSerifCJKsc-Regular\./i],
};

// subset-font ships no type declarations; this is the slice of its API we use.
type SubsetFont = (
  font: Buffer,
  text: string,
  opts: { targetFormat: 'sfnt'; noLayoutClosure?: boolean },
) => Promise<Buffer>;
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

/** The usual system font folders of Windows, Linux and macOS. */
export function systemFontDirs(): string[] {
  const home = homedir();
  const windir = process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows';
  const local = process.env.LOCALAPPDATA;
  return [
    join(windir, 'Fonts'),
    ...(local ? [join(local, 'Microsoft', 'Windows', 'Fonts')] : []),
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local', 'share', 'fonts'),
    join(home, '.fonts'),
    '/Library/Fonts',
    join(home, 'Library', 'Fonts'),
  ];
}

export const BUNDLED_FONT_DIR = join(import.meta.dirname, '..', 'resources', 'fonts', 'bundled');

function listFonts(dir: string, depth = 4): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...listFonts(full, depth - 1));
    else if (FONT_FILE.test(name)) out.push(full);
  }
  return out;
}

const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

interface NamedFace {
  readonly index: number;
  readonly family: string;
  readonly postscriptName: string;
}

const facesCache = new Map<string, NamedFace[]>();

function facesOf(path: string): NamedFace[] {
  let faces = facesCache.get(path);
  if (faces === undefined) {
    faces = faceNames(new Uint8Array(readFileSync(path)));
    facesCache.set(path, faces);
  }
  return faces;
}

/** In a CJK collection, the Simplified Chinese face. */
function simplifiedFace(path: string): NamedFace {
  const faces = facesOf(path);
  return (
    faces.find((f) => /\bSC\b|sc-|CN|GB/.test(`${f.family} ${f.postscriptName}`)) ??
    faces[0] ?? { index: 0, family: baseName(path), postscriptName: '' }
  );
}

export interface DiscoverOptions {
  /** Folders searched for the real role fonts (default: the system folders). */
  readonly systemDirs?: readonly string[];
  readonly bundledDir?: string;
}

/** Picks a font for every role; throws a clear Chinese error when not even a stand-in exists. */
export function discoverFonts(opts: DiscoverOptions = {}): FontChoice[] {
  const system = (opts.systemDirs ?? systemFontDirs()).flatMap((d) => listFonts(d));
  const bundled = listFonts(opts.bundledDir ?? BUNDLED_FONT_DIR, 1);
  const pick = (files: readonly string[], patterns: readonly RegExp[]): string | undefined => {
    for (const re of patterns) {
      const hit = files.find((f) => re.test(baseName(f)));
      if (hit) return hit;
    }
    return undefined;
  };
  return FONT_ROLES.map((role): FontChoice => {
    const own = pick(system, ROLE_PATTERNS[role]);
    if (own) {
      const face = simplifiedFace(own);
      return {
        role,
        path: own,
        faceIndex: face.index,
        family: face.family,
        standIn: false,
        source: 'system',
      };
    }
    const fromBundle = pick(bundled, STAND_INS[role]);
    const fallback = fromBundle ?? pick(system, STAND_INS[role]);
    if (!fallback) {
      throw new Error(
        `找不到“${ROLE_LABEL[role]}”字体，也没有可代用的思源/Noto 中文字体。请安装${ROLE_LABEL[role]}字体（如 Windows 自带字体），或重新安装本软件以恢复内置字体。`,
      );
    }
    const face = simplifiedFace(fallback);
    return {
      role,
      path: fallback,
      faceIndex: face.index,
      family: face.family,
      standIn: true,
      source: fromBundle ? 'bundled' : 'system',
    };
  });
}

const faceCache = new Map<string, Uint8Array>();

/** Reads (and caches) a face as a standalone SFNT. */
export function readFace(path: string, index: number): Uint8Array {
  const key = `${path}#${index}`;
  let bytes = faceCache.get(key);
  if (bytes === undefined) {
    const file = new Uint8Array(readFileSync(path));
    bytes = isCollection(file) ? extractFace(file, index) : file;
    faceCache.set(key, bytes);
  }
  return bytes;
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

if (process.argv[1] && resolvePath(process.argv[1]) === resolvePath(import.meta.filename)) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
