import { describe, expect, it } from 'vitest';
import { recordTypeLabel } from './labels';

describe('record type labels', () => {
  it('names known tables in Chinese and shows unknown ones as stored', () => {
    expect(recordTypeLabel('operators')).toBe('操作员');
    expect(recordTypeLabel('people')).toBe('人员');
    expect(recordTypeLabel('newTable')).toBe('newTable');
  });
});
