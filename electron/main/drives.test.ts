import { describe, expect, it } from 'vitest';
import { linuxMountRoots, listRemovableDrives, type DrivesEnv } from './drives';

function env(
  platform: string,
  dirs: Readonly<Record<string, readonly string[]>>,
  existing: readonly string[],
  extra: Partial<DrivesEnv> = {},
): DrivesEnv {
  return {
    platform,
    userName: 'clerk',
    readdir: async (d) => {
      const list = dirs[d];
      if (!list) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return list;
    },
    isDirectory: async (p) => existing.includes(p),
    ...extra,
  };
}

describe('listRemovableDrives', () => {
  it('lists udisks mount points on Linux, skipping hidden entries and plain files', async () => {
    const drives = await listRemovableDrives(
      env('linux', { '/media/clerk': ['KINGSTON', '.hidden', 'file.txt'], '/run/media/clerk': ['U盘'] }, [
        '/media/clerk/KINGSTON',
        '/media/clerk/.hidden',
        '/run/media/clerk/U盘',
      ]),
    );
    expect(drives).toEqual([
      { label: 'KINGSTON', mountPath: '/media/clerk/KINGSTON' },
      { label: 'U盘', mountPath: '/run/media/clerk/U盘' },
    ]);
  });

  it('returns nothing when no mount folder exists', async () => {
    expect(await listRemovableDrives(env('linux', {}, []))).toEqual([]);
  });

  it('lists existing drive letters D:..Z: on Windows except the system drive', async () => {
    const drives = await listRemovableDrives(
      env('win32', {}, ['C:\\', 'D:\\', 'E:\\', 'F:\\'], { systemDrive: 'd:' }),
    );
    expect(drives).toEqual([
      { label: 'E:', mountPath: 'E:\\' },
      { label: 'F:', mountPath: 'F:\\' },
    ]);
  });

  it('returns nothing on other platforms', async () => {
    expect(await listRemovableDrives(env('darwin', {}, ['/Volumes/X']))).toEqual([]);
  });

  it('ignores user names that could form a path', () => {
    expect(linuxMountRoots('clerk')).toEqual(['/media/clerk', '/run/media/clerk']);
    expect(linuxMountRoots('../etc')).toEqual([]);
    expect(linuxMountRoots('a/b')).toEqual([]);
  });
});
