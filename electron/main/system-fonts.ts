/**
 * Finds the 公文 role fonts installed on the PC (仿宋_GB2312 / FangSong / 方正仿宋, 方正小标宋, 黑体, 楷体, 宋体)
 * in the usual system font folders of Windows, Linux and macOS, by file name. The renderer cannot look at
 * the disk, so main answers `systemFonts` with the faces' bytes (collections split into one SFNT each); roles
 * without a real font are left to the stand-ins (bundled Noto SC, or an installed Noto CJK for the CLI).
 * Shared with scripts/fonts.ts (CLI, tests, bench), which adds the bundled folder and the subsetters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PdfFontRole, SystemFontFace } from '../../shared/ipc/contract';
import { extractFace, faceNames, isCollection } from '../../shared/pdf/sfnt';

export const ROLES: readonly PdfFontRole[] = ['fangsong', 'xiaobiaosong', 'heiti', 'kaiti', 'songti'];

export const ROLE_NAMES: Readonly<Record<PdfFontRole, string>> = {
  fangsong: '仿宋',
  xiaobiaosong: '小标宋',
  heiti: '黑体',
  kaiti: '楷体',
  songti: '宋体',
};

export interface FontChoice {
  readonly role: PdfFontRole;
  readonly path: string;
  readonly faceIndex: number;
  readonly family: string;
  /** True when the font is not the role's own style (e.g. Noto Serif standing in for 仿宋). */
  readonly standIn: boolean;
  readonly source: 'system' | 'bundled';
}

/** File-name patterns of each role's real fonts, most preferred first. */
const ROLE_PATTERNS: Readonly<Record<PdfFontRole, readonly RegExp[]>> = {
  fangsong: [/仿宋_?GB2312/i, /fangsong_?gb2312/i, /方正仿宋/, /FZFS/i, /^simfang\./i, /仿宋/, /fangsong/i],
  xiaobiaosong: [/方正小标宋/, /小标宋/, /FZXBS/i, /xiaobiaosong/i],
  heiti: [/^simhei\./i, /黑体/, /FZHT/i, /heiti/i],
  kaiti: [/楷体_?GB2312/i, /kaiti_?gb2312/i, /^simkai\./i, /方正楷体/, /FZKT/i, /楷体/, /kaiti/i],
  songti: [/^simsun\./i, /宋体/, /FZSS/i, /songti/i],
};

/** Stand-ins when the PC lacks a role's font: file-name pattern, and the face to take from a collection. */
const STAND_INS: Readonly<Record<PdfFontRole, readonly RegExp[]>> = {
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
    try {
      faces = faceNames(new Uint8Array(readFileSync(path)));
    } catch {
      faces = [];
    }
    facesCache.set(path, faces);
  }
  return faces;
}

/** In a CJK collection, the Simplified Chinese face. */
function simplifiedFace(path: string): NamedFace {
  const faces = facesOf(path);
  return (
    faces.find((f) => /\bSC\b|sc-|CN|GB/.test(`${f.family} ${f.postscriptName}`)) ??
    faces[0] ?? { index: 0, family: baseName(path).replace(FONT_FILE, ''), postscriptName: '' }
  );
}

export interface DiscoverOptions {
  /** Folders searched for the real role fonts (default: the system folders). */
  readonly systemDirs?: readonly string[];
  /** Folder of the bundled OFL fonts (stand-ins); none when absent. */
  readonly bundledDir?: string;
}

function pick(files: readonly string[], patterns: readonly RegExp[]): string | undefined {
  for (const re of patterns) {
    const hit = files.find((f) => re.test(baseName(f)));
    if (hit) return hit;
  }
  return undefined;
}

function choice(role: PdfFontRole, path: string, standIn: boolean, source: FontChoice['source']): FontChoice {
  const face = simplifiedFace(path);
  return { role, path, faceIndex: face.index, family: face.family, standIn, source };
}

/** The roles whose own font is installed (never a stand-in). */
export function findRoleFonts(systemDirs: readonly string[] = systemFontDirs()): FontChoice[] {
  const system = systemDirs.flatMap((d) => listFonts(d));
  return ROLES.flatMap((role) => {
    const own = pick(system, ROLE_PATTERNS[role]);
    return own ? [choice(role, own, false, 'system')] : [];
  });
}

/** Picks a font for every role; throws a clear Chinese error when not even a stand-in exists. */
export function discoverFonts(opts: DiscoverOptions = {}): FontChoice[] {
  const dirs = opts.systemDirs ?? systemFontDirs();
  const system = dirs.flatMap((d) => listFonts(d));
  const bundled = opts.bundledDir === undefined ? [] : listFonts(opts.bundledDir, 1);
  const own = new Map(findRoleFonts(dirs).map((c) => [c.role, c]));
  return ROLES.map((role): FontChoice => {
    const real = own.get(role);
    if (real) return real;
    const fromBundle = pick(bundled, STAND_INS[role]);
    const fallback = fromBundle ?? pick(system, STAND_INS[role]);
    if (!fallback) {
      throw new Error(
        `找不到“${ROLE_NAMES[role]}”字体，也没有可代用的思源/Noto 中文字体。请安装${ROLE_NAMES[role]}字体（如 Windows 自带字体），或重新安装本软件以恢复内置字体。`,
      );
    }
    return choice(role, fallback, true, fromBundle ? 'bundled' : 'system');
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

/** Choices → one entry per face (roles sharing a face share its bytes), for the `systemFonts` answer. */
export function facesForRenderer(choices: readonly FontChoice[]): SystemFontFace[] {
  const byId = new Map<string, { choice: FontChoice; roles: PdfFontRole[] }>();
  for (const c of choices) {
    const id = `${c.path}#${c.faceIndex}`;
    const entry = byId.get(id) ?? { choice: c, roles: [] };
    entry.roles.push(c.role);
    byId.set(id, entry);
  }
  return [...byId.entries()].map(([id, { choice: c, roles }]) => {
    const data = readFace(c.path, c.faceIndex);
    return {
      id,
      family: c.family,
      fileName: baseName(c.path),
      roles,
      standIn: c.standIn,
      source: c.source,
      // A plain Uint8Array view (not a Buffer) so structured clone sends exactly the face.
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  });
}

/** The `systemFonts` handler's dependency in Electron: the PC's own role fonts only. */
export async function installedRoleFonts(): Promise<readonly SystemFontFace[]> {
  return facesForRenderer(findRoleFonts());
}
