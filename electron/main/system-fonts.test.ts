import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFonts, facesForRenderer, findRoleFonts } from './system-fonts';

const NOTO_SERIF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

let dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'huiwen-fonts-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('system fonts', () => {
  it('finds a role font by its Windows file name and shares one face between roles', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'Fonts'));
    // Content is irrelevant to discovery by name; an unreadable face falls back to the file name.
    writeFileSync(path.join(dir, 'Fonts', 'simhei.ttf'), 'x');
    writeFileSync(path.join(dir, 'Fonts', 'FZXBSJW.TTF'), 'x');
    const found = findRoleFonts([dir]);
    expect(found.map((c) => [c.role, path.basename(c.path), c.standIn, c.source])).toEqual([
      ['xiaobiaosong', 'FZXBSJW.TTF', false, 'system'],
      ['heiti', 'simhei.ttf', false, 'system'],
    ]);
    const faces = facesForRenderer(found);
    expect(faces.map((f) => [f.fileName, f.roles, f.bytes.byteLength])).toEqual([
      ['FZXBSJW.TTF', ['xiaobiaosong'], 1],
      ['simhei.ttf', ['heiti'], 1],
    ]);
  });

  it('falls back to stand-ins from the bundled folder, saying so', () => {
    const bundled = tmp();
    for (const f of ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSansSC-Regular.ttf'])
      writeFileSync(path.join(bundled, f), 'x');
    const choices = discoverFonts({ systemDirs: [], bundledDir: bundled });
    expect(choices.map((c) => [c.role, path.basename(c.path), c.standIn, c.source])).toEqual([
      ['fangsong', 'NotoSerifSC-Regular.ttf', true, 'bundled'],
      ['xiaobiaosong', 'NotoSerifSC-Bold.ttf', true, 'bundled'],
      ['heiti', 'NotoSansSC-Regular.ttf', true, 'bundled'],
      ['kaiti', 'NotoSerifSC-Regular.ttf', true, 'bundled'],
      ['songti', 'NotoSerifSC-Regular.ttf', true, 'bundled'],
    ]);
    expect(facesForRenderer(choices).map((f) => f.roles)).toEqual([
      ['fangsong', 'kaiti', 'songti'],
      ['xiaobiaosong'],
      ['heiti'],
    ]);
  });

  it('refuses with a Chinese message when no font at all can serve a role', () => {
    expect(() => discoverFonts({ systemDirs: [tmp()] })).toThrow(/找不到“仿宋”字体/);
  });

  it.runIf(existsSync(NOTO_SERIF))('splits a collection into the Simplified Chinese face', () => {
    const [face] = facesForRenderer(
      discoverFonts({ systemDirs: [path.dirname(NOTO_SERIF)] }).filter((c) => c.role === 'fangsong'),
    );
    expect(face?.family).toMatch(/SC/);
    expect([...(face?.bytes.subarray(0, 4) ?? [])]).not.toEqual([0x74, 0x74, 0x63, 0x66]); // not 'ttcf'
  });
});
