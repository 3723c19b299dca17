/**
 * Removable-looking drives for the "export to U 盘" shortcut. Deliberately simple and read-only: no
 * shelling out (no wmic, no lsblk), just looking where desktops mount USB sticks. The clerk can always
 * pick any folder in the dialog instead.
 */
import path from 'node:path';
import type { RemovableDrive } from '../../shared/ipc';

export interface DrivesEnv {
  readonly platform: string;
  readonly userName: string;
  /** Windows system drive, e.g. 'C:'. */
  readonly systemDrive?: string;
  readonly readdir: (dir: string) => Promise<readonly string[]>;
  readonly isDirectory: (p: string) => Promise<boolean>;
}

/** Mount points of USB sticks on common Linux desktops (udisks2). */
export function linuxMountRoots(userName: string): readonly string[] {
  const safeUser = /^[A-Za-z0-9._-]{1,64}$/.test(userName) ? userName : null;
  return safeUser === null
    ? []
    : [path.posix.join('/media', safeUser), path.posix.join('/run/media', safeUser)];
}

export async function listRemovableDrives(env: DrivesEnv): Promise<readonly RemovableDrive[]> {
  if (env.platform === 'win32') {
    const system = (env.systemDrive ?? 'C:').toUpperCase();
    const drives: RemovableDrive[] = [];
    // A: and B: are floppy letters; probing them can hang on old machines.
    for (let code = 'D'.charCodeAt(0); code <= 'Z'.charCodeAt(0); code += 1) {
      const letter = `${String.fromCharCode(code)}:`;
      if (letter === system) continue;
      if (await env.isDirectory(`${letter}\\`)) drives.push({ label: letter, mountPath: `${letter}\\` });
    }
    return drives;
  }
  if (env.platform === 'linux') {
    const drives: RemovableDrive[] = [];
    for (const root of linuxMountRoots(env.userName)) {
      let names: readonly string[];
      try {
        names = await env.readdir(root);
      } catch {
        continue;
      }
      for (const name of [...names].sort()) {
        if (name.startsWith('.')) continue;
        const mountPath = path.posix.join(root, name);
        if (await env.isDirectory(mountPath)) drives.push({ label: name, mountPath });
      }
    }
    return drives;
  }
  return [];
}
