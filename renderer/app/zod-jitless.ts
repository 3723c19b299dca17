/**
 * Zod probes for eval support with `new Function('')` on first use; under our CSP (no 'unsafe-eval')
 * that probe is refused and reported as a CSP violation. Jitless mode skips the probe and the JIT.
 * Imported first by main.tsx so it runs before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
