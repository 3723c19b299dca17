/**
 * PDFs in the app (issue 6): from the sample office, a meeting's 会议通知 is laid out in the Worker with the
 * bundled fonts, shown by pdf.js (the page canvas has ink), saved through the real main-process handlers
 * (relay) and printed (relay: main's print path; browser bridge: an iframe of the pages whose print() is
 * called once its images are loaded). A seal PNG registered by the administrator appears in 设置 → 印章.
 * The fixtures' guard fails any test with an external request or a CSP violation: the HarfBuzz wasm in
 * the Worker needs 'wasm-unsafe-eval', and nothing else.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { PrintOptions } from '../../shared/ipc';
import { expect, test } from './fixtures';
import { MeetingWalk, shanghaiDate } from './meeting-pages';
import { e2eAppInfo, installRelay } from './relay';

test.slow();
test.setTimeout(360_000);

/** Laying out the first PDF loads ~40 MB of fonts and the wasm; allow for a busy machine. */
const PDF_TIMEOUT = 150_000;

async function meetingWithNotice(page: Page, testInfo: Parameters<Parameters<typeof test>[2]>[1]) {
  const w = new MeetingWalk(page, testInfo, 'pdf');
  await w.loadSampleOffice();
  await w.fillNewMeeting({
    kind: '区政府常务会议',
    date: shanghaiDate(3),
    time: '09:00',
    place: '区政府三楼常务会议室',
  });
  await w.saveMeeting('区政府常务会议');
  await page.getByTestId('meeting-pdf-actions').getByRole('button', { name: '会议通知' }).click();
  const dialog = page.getByRole('dialog', { name: '预览：会议通知' });
  await expect(dialog.getByTestId('pdf-page-canvas')).toBeVisible({ timeout: PDF_TIMEOUT });
  await expect(dialog.getByTestId('pdf-page-indicator')).toContainText('第 1 /', { timeout: PDF_TIMEOUT });
  return { w, dialog };
}

/** Dark pixels on the drawn page: text has ink, not a blank canvas. */
async function inkOf(page: Page): Promise<{ dark: number; red: number; total: number }> {
  return page.getByTestId('pdf-page-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return { dark: 0, red: 0, total: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 16) {
      const [r, g, b] = [data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255];
      if (r < 100 && g < 100 && b < 100) dark++;
      if (r > 180 && g < 80 && b < 80) red++;
    }
    return { dark, red, total: data.length / 16 };
  });
}

test('会议通知: preview has ink, 保存 PDF writes the file, 打印 reaches main’s print path', async ({
  page,
}, testInfo) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'huiwen-pdf-e2e-'));
  const printed: { bytes: Uint8Array; options: PrintOptions; folder: string }[] = [];
  const appInfo = e2eAppInfo(path.join(dir, 'userData'));
  try {
    await installRelay(
      page,
      {
        appInfo: () => appInfo,
        userDataDir: path.join(dir, 'userData'),
        pickFolder: async () => dir,
        pickSavePath: async (name) => path.join(dir, name),
        pickOpenPath: async () => null,
        // Main's print path, with the OS dialog replaced: the file main wrote must be the PDF shown.
        printFile: async (file, options) => {
          printed.push({ bytes: new Uint8Array(await readFile(file)), options, folder: path.dirname(file) });
          return true;
        },
      },
      new URL(testInfo.project.use.baseURL ?? '').origin,
    );
    const { w, dialog } = await meetingWithNotice(page, testInfo);

    const ink = await inkOf(page);
    expect(ink.dark, 'black text on the page').toBeGreaterThan(200);
    expect(ink.red, 'the red organ mark').toBeGreaterThan(50);
    // The fonts that stood in are named (no 仿宋_GB2312 here: the bundled Noto fonts).
    await expect(dialog.getByTestId('pdf-font-note')).toContainText('仿宋=Noto Serif SC（代用）');
    await w.shot('notice-preview');

    // Keyboard paging and thumbnails.
    await dialog.getByTestId('pdf-viewer').focus();
    await page.keyboard.press('End');
    await expect(dialog.getByRole('navigation', { name: '页面缩略图' }).getByRole('button')).not.toHaveCount(
      0,
    );

    await dialog.getByRole('button', { name: '保存 PDF' }).click();
    await expect(page.getByText(/已保存到 .*会议通知\.pdf/)).toBeVisible({ timeout: 15_000 });
    const saved = (await readdir(dir)).find((f) => f.endsWith('会议通知.pdf'));
    expect(saved).toBeDefined();
    const bytes = await readFile(path.join(dir, saved ?? ''));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await dialog.getByRole('button', { name: '打印', exact: true }).click();
    await expect(page.getByText('已发送到打印机。')).toBeVisible({ timeout: 15_000 });
    expect(printed).toHaveLength(1);
    expect(printed[0]?.options).toEqual({ duplex: 'long-edge', jobName: '会议通知' });
    expect(Buffer.from(printed[0]?.bytes ?? []).equals(bytes)).toBe(true);
    expect(printed[0]?.folder).toBe(path.join(dir, 'userData', 'print'));
    // Main removed the print file afterwards.
    expect(await readdir(path.join(dir, 'userData', 'print'))).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('browser bridge: 打印 prints an iframe holding the loaded pages', async ({ page }, testInfo) => {
  const { dialog } = await meetingWithNotice(page, testInfo);
  // Stub print() on the print frame's window and record what it held when called.
  await page.evaluate(() => {
    const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
    const calls: { images: number; loaded: boolean; testid: string | undefined }[] = [];
    (window as unknown as { __prints: typeof calls }).__prints = calls;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = desc?.get?.call(this) as Window | null;
        const testid = this.dataset['testid'];
        if (win && !(win as unknown as { __stubbed?: boolean }).__stubbed) {
          (win as unknown as { __stubbed: boolean }).__stubbed = true;
          win.print = () => {
            const imgs = Array.from(win.document.querySelectorAll('img'));
            calls.push({
              images: imgs.length,
              loaded: imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0),
              testid,
            });
          };
        }
        return win;
      },
    });
  });
  await dialog.getByRole('button', { name: '打印', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints), {
      timeout: PDF_TIMEOUT,
    })
    .toEqual([{ images: expect.any(Number), loaded: true, testid: 'pdf-print-frame' }]);
  const [call] = await page.evaluate(
    () => (window as unknown as { __prints: { images: number }[] }).__prints,
  );
  expect(call?.images).toBeGreaterThanOrEqual(1);
  await expect(page.getByText('已发送到打印机。')).toBeVisible();
});

/** A 64×64 RGBA PNG: a red ring on transparency. */
function sealPng(): Buffer {
  const size = 64;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 31.5, y - 31.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (d > 26 && d < 31) raw.set([210, 20, 20, 255], o);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('设置 → 印章: the administrator registers a seal PNG and sees it listed', async ({ page }, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 'seals');
  await w.loadSampleOffice();
  await page.goto('/#/settings');
  const panel = page.getByTestId('seals-panel');
  await expect(panel).toBeVisible();
  // The sample office's generated seal is labelled as a sample.
  await expect(panel).toContainText('示例印章，仅用于演示');

  const form = panel.getByTestId('seal-register-form');
  await form.getByLabel('印章名称').fill('示例区人民政府办公室');
  await form.getByRole('combobox', { name: '所属单位' }).click();
  await page.keyboard.type('办公室');
  await page.keyboard.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: '选择图片…' }).click();
  await (await chooser).setFiles({ name: '公章.png', mimeType: 'image/png', buffer: sealPng() });
  await expect(form.getByRole('img', { name: '所选印章预览' })).toBeVisible();
  await form.getByRole('button', { name: '登记印章' }).click();

  await expect(page.getByText('已登记印章“示例区人民政府办公室”。')).toBeVisible({ timeout: 15_000 });
  const table = panel.getByRole('table').first();
  await expect(table).toContainText('示例区人民政府办公室');
  await expect(table).toContainText('在用');
  await expect(table.getByRole('img', { name: '示例区人民政府办公室印章图片' })).toBeVisible();
  await w.shot('seal-registered');
});
