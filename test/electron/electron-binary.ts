/**
 * Finds the Electron binary WITHOUT requiring the `electron` package: its index.js would try to
 * download the binary when it is missing, which must never happen (offline machines, CI without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

export function findElectronBinary(repoRoot: string): ElectronBinary {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      found: false,
      reason: `${path.relative(repoRoot, pathFile)} is missing (binary never installed)`,
    };
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '' || relative.includes('..'))
    return { found: false, reason: `${path.relative(repoRoot, pathFile)} names no usable binary` };
  const binary = path.join(packageDir, 'dist', relative);
  if (!existsSync(binary))
    return { found: false, reason: `${path.relative(repoRoot, binary)} does not exist` };
  return { found: true, path: binary };
}
