import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chineseIssueMessage, fromZodError, toStoreError, StoreError } from './errors';

describe('store errors', () => {
  it('keeps Chinese schema messages and translates zod defaults', () => {
    const schema = z.object({ a: z.string().max(2), b: z.enum(['x']), c: z.string().min(1, '请填写') }).strict();
    const r = schema.safeParse({ a: 'long', b: 'y', c: '', d: 1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = fromZodError(r.error, '人员', { a: '姓名' });
    expect(e.code).toBe('invalid');
    expect(e.message).toContain('姓名：内容过长或过大（上限 2）');
    expect(e.message).toContain('请从列表中选择');
    expect(e.message).toContain('请填写');
    expect(e.message).toContain('含有不认识的字段：d');
    expect(chineseIssueMessage({ code: 'weird', message: 'x', path: [] })).toBe('内容不正确，请检查后重试');
  });

  it('turns IndexedDB failures into messages that say nothing changed', () => {
    const quota = Object.assign(new Error('q'), { name: 'QuotaExceededError' });
    expect(toStoreError(quota).message).toContain('存储空间不足');
    expect(toStoreError(new Error('boom')).message).toContain('未改动任何数据');
    const own = new StoreError('not-found', '已不存在');
    expect(toStoreError(own)).toBe(own);
  });
});
