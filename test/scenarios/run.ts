/**
 * Scenario runner: `npm run scenarios -- <dir>` evaluates every *.json under <dir> (recursively), prints one
 * line per scenario and a closing "N passed, N failed", and exits non-zero on any failure or malformed file.
 */
import { resolve } from 'node:path';
import { runScenarioDir } from './load';

async function main(argv: readonly string[]): Promise<number> {
  const dirs = argv.length > 0 ? argv : ['test/scenarios'];
  let passed = 0;
  let failed = 0;
  for (const dir of dirs) {
    let results;
    try {
      results = await runScenarioDir(resolve(dir));
    } catch (e) {
      console.info(`FAIL ${dir}: ${(e as Error).message}`);
      failed += 1;
      continue;
    }
    for (const r of results) {
      if (r.ok) {
        passed += 1;
        console.info(`PASS ${r.name}`);
      } else {
        failed += 1;
        console.info(`FAIL ${r.name}: ${r.reason ?? ''}`);
      }
    }
  }
  console.info(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
