import { describe, expect, it } from 'vitest';
import type { SystemFontFace } from '../../../shared/ipc';
import { chooseFonts, describeRoleFonts, fetchBundledFonts, fontSetFrom, loadFonts } from './use-pdf';

const face = (
  id: string,
  roles: SystemFontFace['roles'],
  standIn: boolean,
  source: SystemFontFace['source'] = standIn ? 'bundled' : 'system',
): SystemFontFace => ({
  id,
  family: id,
  fileName: `${id}.ttf`,
  roles,
  standIn,
  source,
  bytes: new Uint8Array([1]),
});

const bundled = [
  face('Noto Serif SC', ['fangsong', 'kaiti', 'songti'], true),
  face('Noto Serif SC Bold', ['xiaobiaosong'], true),
  face('Noto Sans SC', ['heiti'], true),
];

describe('font selection for PDFs', () => {
  it('prefers the PC’s own font for a role over a bundled stand-in, then a bundled over a system stand-in', () => {
    const simhei = face('SimHei', ['heiti'], false);
    const notoCjk = face('Noto Sans CJK SC', ['heiti'], true, 'system');
    const { chosen, missing } = chooseFonts([notoCjk, ...bundled, simhei]);
    expect(missing).toEqual([]);
    expect(chosen.heiti?.id).toBe('SimHei');
    expect(chosen.fangsong?.id).toBe('Noto Serif SC');
    expect(chooseFonts([notoCjk, bundled[2]!]).chosen.heiti?.id).toBe('Noto Sans SC');
  });

  it('shares one face between roles and says which font stood in for which role', () => {
    const { fonts, roles } = fontSetFrom([face('仿宋_GB2312', ['fangsong'], false), ...bundled]);
    expect(fonts.kaiti).toBe(fonts.songti);
    expect(fonts.fangsong).toMatchObject({ family: '仿宋_GB2312', standIn: false });
    expect(describeRoleFonts(roles)).toBe(
      '仿宋 ← 仿宋_GB2312；小标宋 ← Noto Serif SC Bold（代用，内置）；黑体 ← Noto Sans SC（代用，内置）；' +
        '楷体 ← Noto Serif SC（代用，内置）；宋体 ← Noto Serif SC（代用，内置）',
    );
  });

  it('refuses with the missing roles named when no face serves them', () => {
    expect(() => fontSetFrom([bundled[0]!])).toThrow(/找不到小标宋、黑体字体/);
  });

  it('tops up main’s answer with the bundled fonts only when a role is missing', async () => {
    let fetched = 0;
    const loadBundled = async () => {
      fetched++;
      return bundled;
    };
    const own = ['fangsong', 'xiaobiaosong', 'heiti', 'kaiti', 'songti'] as const;
    const full = await loadFonts(
      { systemFonts: async () => ({ ok: true, value: own.map((r) => face(`own-${r}`, [r], false)) }) },
      loadBundled,
    );
    expect(fetched).toBe(0);
    expect(full.roles.every((r) => !r.standIn)).toBe(true);
    const partial = await loadFonts(
      { systemFonts: async () => ({ ok: true, value: [face('SimHei', ['heiti'], false)] }) },
      loadBundled,
    );
    expect(fetched).toBe(1);
    expect(partial.roles.map((r) => `${r.label}:${r.family}`)).toEqual([
      '仿宋:Noto Serif SC',
      '小标宋:Noto Serif SC Bold',
      '黑体:SimHei',
      '楷体:Noto Serif SC',
      '宋体:Noto Serif SC',
    ]);
    const failed = await loadFonts(
      { systemFonts: async () => ({ ok: false, error: { code: 'internal', message: '失败' } }) },
      loadBundled,
    );
    expect(failed.roles.every((r) => r.source === 'bundled')).toBe(true);
  });

  it('reads the bundled fonts from the app’s own folder and skips the ones missing from a build', async () => {
    const urls: string[] = [];
    const faces = await fetchBundledFonts(async (url) => {
      urls.push(url);
      if (url.includes('Bold')) throw new Error('404');
      return new Uint8Array([2]);
    });
    expect(urls.every((u) => u.startsWith('fonts/bundled/'))).toBe(true);
    expect(faces.map((f) => f.family)).toEqual(['Noto Serif SC', 'Noto Sans SC']);
  });
});
