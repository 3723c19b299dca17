/**
 * `generatePdf(job)`: runs a PdfJob in the PDF Worker with the right fonts. Fonts come from main
 * (`systemFonts`: the PC's own 仿宋_GB2312, 方正小标宋, 黑体, 楷体, 宋体) and, for every role the PC lacks,
 * from the OFL fonts bundled with the app (served beside index.html, never fetched from outside). The
 * result says which font stood in for which role, as the PDF's metadata does (HuiwenFonts, Keywords).
 */
import { useEffect, useState } from 'react';
import {
  BUNDLED_FONT_URL_DIR,
  BUNDLED_FONTS,
  type HuiwenBridge,
  type PdfFontRole,
  type SystemFontFace,
} from '../../../shared/ipc';
import {
  describeFontUse,
  FONT_ROLES,
  ROLE_LABEL,
  type FontFace,
  type FontRole,
  type FontSet,
  type FontUse,
  type PdfJob,
} from '../../../shared/pdf';
import { getBridge } from '../../platform';
import { createPdfClient, type PdfClient } from './client';

/** Which face serves a role, for the UI ("仿宋 ← Noto Serif SC（代用，内置）"). */
export interface RoleFont {
  readonly role: FontRole;
  readonly label: string;
  readonly family: string;
  readonly standIn: boolean;
  readonly source: 'system' | 'bundled';
}

export interface ChosenFonts {
  readonly fonts: FontSet;
  readonly roles: readonly RoleFont[];
}

// The contract names the roles itself (it stays free of shared/pdf); both lists must agree.
const _sameRoles: PdfFontRole extends FontRole ? (FontRole extends PdfFontRole ? true : never) : never = true;
void _sameRoles;

/**
 * For each role: the PC's own font when main found one, else a stand-in (bundled first), else nothing.
 * Pure, so the choice is unit-tested; `missing` lists roles no face serves.
 */
export function chooseFonts(faces: readonly SystemFontFace[]): {
  readonly chosen: Partial<Record<FontRole, SystemFontFace>>;
  readonly missing: readonly FontRole[];
} {
  const chosen: Partial<Record<FontRole, SystemFontFace>> = {};
  const rank = (f: SystemFontFace): number => (!f.standIn ? 0 : f.source === 'bundled' ? 1 : 2);
  for (const role of FONT_ROLES) {
    const candidates = faces.filter((f) => f.roles.includes(role)).sort((a, b) => rank(a) - rank(b));
    if (candidates[0]) chosen[role] = candidates[0];
  }
  return { chosen, missing: FONT_ROLES.filter((r) => chosen[r] === undefined) };
}

/** A complete FontSet from chosen faces; throws a clerk-readable message naming the roles without a font. */
export function fontSetFrom(faces: readonly SystemFontFace[]): ChosenFonts {
  const { chosen, missing } = chooseFonts(faces);
  if (missing.length > 0) {
    const names = missing.map((r) => ROLE_LABEL[r]).join('、');
    throw new Error(
      `找不到${names}字体，无法生成 PDF。请在这台电脑上安装${names}字体，或重新安装会文以恢复内置字体。`,
    );
  }
  const byId = new Map<string, FontFace>();
  const face = (f: SystemFontFace): FontFace => {
    let out = byId.get(f.id);
    if (!out) {
      out = { id: f.id, family: f.family, bytes: f.bytes, standIn: f.standIn };
      byId.set(f.id, out);
    }
    return out;
  };
  const entries = FONT_ROLES.map((role) => [role, face(chosen[role] as SystemFontFace)] as const);
  const roles = FONT_ROLES.map((role): RoleFont => {
    const f = chosen[role] as SystemFontFace;
    return { role, label: ROLE_LABEL[role], family: f.family, standIn: f.standIn, source: f.source };
  });
  return { fonts: Object.fromEntries(entries) as Record<FontRole, FontFace>, roles };
}

/** "仿宋 ← 仿宋_GB2312；小标宋 ← Noto Serif SC Bold（代用，内置）". */
export function describeRoleFonts(roles: readonly RoleFont[]): string {
  return roles
    .map(
      (r) =>
        `${r.label} ← ${r.family}${r.standIn ? `（代用，${r.source === 'bundled' ? '内置' : '系统'}）` : ''}`,
    )
    .join('；');
}

/** Reads the bundled fonts from the app's own origin. */
export async function fetchBundledFonts(
  fetchBytes: (url: string) => Promise<Uint8Array> = defaultFetchBytes,
): Promise<SystemFontFace[]> {
  const out: SystemFontFace[] = [];
  for (const f of BUNDLED_FONTS) {
    try {
      out.push({
        id: `bundled:${f.file}`,
        family: f.family,
        fileName: f.file,
        roles: f.roles,
        standIn: true,
        source: 'bundled',
        bytes: await fetchBytes(`${BUNDLED_FONT_URL_DIR}${f.file}`),
      });
    } catch {
      // A build without bundled fonts: the roles it would serve are reported as missing.
    }
  }
  return out;
}

async function defaultFetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(new URL(url, document.baseURI));
  if (!res.ok) throw new Error(`${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The PC's fonts from main, topped up with the bundled ones when a role is still missing (the browser
 * bridge already answers with the bundled fonts; main answers only with the PC's own).
 */
export async function loadFonts(
  bridge: Pick<HuiwenBridge, 'systemFonts'>,
  bundled: () => Promise<SystemFontFace[]> = fetchBundledFonts,
): Promise<ChosenFonts> {
  const answer = await bridge.systemFonts();
  const faces = answer.ok ? [...answer.value] : [];
  if (chooseFonts(faces).missing.length > 0) faces.push(...(await bundled()));
  return fontSetFrom(faces);
}

let fontsOnce: Promise<ChosenFonts> | undefined;
let client: PdfClient | undefined;

/** The fonts, loaded once per page (tens of MB); a failure is not cached so "重试" can try again. */
export function pageFonts(): Promise<ChosenFonts> {
  fontsOnce ??= loadFonts(getBridge()).catch((e: unknown) => {
    fontsOnce = undefined;
    throw e;
  });
  return fontsOnce;
}

export interface GeneratedPdf {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Which font served which role in this PDF (also in its metadata). */
  readonly fonts: readonly FontUse[];
  /** The same for the UI, e.g. "仿宋=Noto Serif SC（代用）; 黑体=SimHei". */
  readonly fontNote: string;
}

/** Runs one job in the PDF Worker (the UI never freezes) with the page's fonts. */
export async function generatePdf(job: PdfJob): Promise<GeneratedPdf> {
  const { fonts } = await pageFonts();
  client ??= createPdfClient();
  const out = await client.run(job, fonts);
  return { ...out, fontNote: describeFontUse(out.fonts) };
}

export type PdfState =
  | { readonly status: 'idle' }
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly pdf: GeneratedPdf }
  | { readonly status: 'failed'; readonly message: string };

/** Generates `job` whenever it changes (undefined: nothing to do); `retry` runs it again. */
export function useGeneratedPdf(job: PdfJob | undefined): PdfState & { retry(): void } {
  const [attempt, setAttempt] = useState(0);
  // The answer remembers which job and attempt it belongs to, so a new job reads as "working" at once.
  const [answer, setAnswer] = useState<{ job: PdfJob; attempt: number; state: PdfState }>();
  useEffect(() => {
    if (!job) return undefined;
    let live = true;
    generatePdf(job).then(
      (pdf) => live && setAnswer({ job, attempt, state: { status: 'done', pdf } }),
      (e: unknown) =>
        live &&
        setAnswer({
          job,
          attempt,
          state: {
            status: 'failed',
            message: e instanceof Error && e.message ? e.message : '生成 PDF 失败，请重试。',
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [job, attempt]);
  const retry = () => setAttempt((n) => n + 1);
  if (!job) return { status: 'idle', retry };
  if (answer && answer.job === job && answer.attempt === attempt) return { ...answer.state, retry };
  return { status: 'working', retry };
}
