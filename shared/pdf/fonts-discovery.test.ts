import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFonts, nodeSubsetter, readFace, systemFontDirs } from '../../scripts/fonts';
import { describeFontUse } from './fonts';

describe('font discovery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiwen-fontdir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prefers an installed role font by its file name and reports the rest as stand-ins', async () => {
    const stand = discoverFonts().find((c) => c.role === 'kaiti');
    if (!stand) throw new Error('no stand-in font');
    // A fake 楷体_GB2312 (any real font bytes under the Windows file name) in a "system" folder.
    writeFileSync(
      join(dir, '楷体_GB2312.ttf'),
      await nodeSubsetter(readFace(stand.path, stand.faceIndex), '楷体'),
    );
    const choices = discoverFonts({ systemDirs: [dir, ...systemFontDirs()], bundledDir: join(dir, 'none') });
    const kaiti = choices.find((c) => c.role === 'kaiti');
    expect(kaiti).toMatchObject({ standIn: false, source: 'system', path: join(dir, '楷体_GB2312.ttf') });
    for (const c of choices.filter((x) => x.role !== 'kaiti')) expect(c.standIn).toBe(true);
  }, 60_000);

  it('explains in Chinese when no font can serve a role', () => {
    expect(() => discoverFonts({ systemDirs: [dir], bundledDir: join(dir, 'none') })).toThrow(
      /找不到“仿宋”字体/,
    );
  });

  it('describes the font use for the PDF metadata', () => {
    expect(
      describeFontUse([
        { role: 'fangsong', family: 'Noto Serif CJK SC', standIn: true },
        { role: 'heiti', family: 'SimHei', standIn: false },
      ]),
    ).toBe('仿宋=Noto Serif CJK SC（代用）; 黑体=SimHei');
  });
});
