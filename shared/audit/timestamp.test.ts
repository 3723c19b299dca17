import { describe, expect, it } from 'vitest';
import { isShanghaiTimestamp, shanghaiTimestamp } from './timestamp';

describe('shanghaiTimestamp', () => {
  it('writes Beijing wall time with a +08:00 offset that parses back to the same instant', () => {
    const instant = new Date('2026-03-04T17:30:05.123Z');
    const s = shanghaiTimestamp(instant);
    expect(s).toBe('2026-03-05T01:30:05.123+08:00');
    expect(Date.parse(s)).toBe(instant.getTime());
    expect(isShanghaiTimestamp(s)).toBe(true);
  });

  it('rejects invalid instants and other formats', () => {
    expect(() => shanghaiTimestamp(new Date(Number.NaN))).toThrow(/时间无效/);
    expect(isShanghaiTimestamp('2026-03-05T01:30:05Z')).toBe(false);
    expect(isShanghaiTimestamp('2026-13-45T01:30:05.000+08:00')).toBe(false);
  });
});
