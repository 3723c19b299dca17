/**
 * `npm run bench -- <name> [args]`: runs bench/<name>.ts. Every benchmark prints its result as a ratio against
 * a baseline measured in the same run, so numbers compare across machines; none of this is a unit test.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || name === 'run' || !existsSync(join(here, `${name}.ts`))) {
  console.error(`用法：npm run bench -- <名称>，可选：${available().join('、') || '（暂无）'}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run: (args: string[]) => Promise<void> };
await mod.run(args);

function available(): string[] {
  return ['pdf', 'store', 'search', 'packet'].filter((n) => existsSync(join(here, `${n}.ts`)));
}
