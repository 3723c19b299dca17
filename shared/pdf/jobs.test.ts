import { describe, expect, it } from 'vitest';
import { nodeSubsetter, loadFontSet, discoverFonts } from '../../scripts/fonts';
import { LEAVE, MINUTES } from '../../test/fixtures/pdf/sample-office';
import { handlePdfRequest } from './jobs';

describe('handlePdfRequest (the PDF Worker body)', () => {
  const fonts = loadFontSet(discoverFonts());

  it('renders a job into PDF bytes with the font report', async () => {
    const res = await handlePdfRequest({ id: 7, fonts, job: { type: 'leave', slip: LEAVE } }, nodeSubsetter);
    expect(res.id).toBe(7);
    if (!res.ok) throw new Error(res.error);
    expect(new TextDecoder().decode(res.value.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(res.value.pageCount).toBe(1);
    expect(res.value.fonts.length).toBeGreaterThan(0);
  }, 60_000);

  it('turns failures into a Chinese message instead of throwing', async () => {
    const res = await handlePdfRequest(
      { id: 8, fonts, job: { type: 'minutes', minutes: { ...MINUTES, date: '2026/3/12' } } },
      nodeSubsetter,
    );
    expect(res).toMatchObject({ id: 8, ok: false });
    if (!res.ok) expect(res.error).toMatch(/日期格式不正确/);
  }, 60_000);
});
