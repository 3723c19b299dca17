import { describe, expect, it } from 'vitest';
import type { PdfRequest, PdfResponse } from '../../../shared/pdf';
import { createPdfClient, type PdfWorkerMessage } from './client';

/** A stand-in Worker: answers each request through `answer`, asynchronously, like the real one. */
class FakeWorker {
  onmessage: ((e: { data: PdfResponse }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly received: PdfWorkerMessage[] = [];
  terminated = false;
  constructor(private readonly answer: (req: PdfWorkerMessage) => PdfResponse | null) {}
  postMessage(req: PdfWorkerMessage): void {
    this.received.push(req);
    const res = this.answer(req);
    if (res) queueMicrotask(() => this.onmessage?.({ data: res }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const fonts = {} as PdfRequest['fonts'];
const job = {
  type: 'leave',
  slip: { meetingName: '会', time: '', name: '甲', unit: '', reason: '', requestDate: '' },
} as const;

describe('createPdfClient', () => {
  it('matches answers to requests by id and resolves with the bytes', async () => {
    const worker = new FakeWorker((req) => ({
      id: req.id,
      ok: true,
      value: { bytes: new Uint8Array([req.id]), pageCount: 1, fonts: [] },
    }));
    const client = createPdfClient(() => worker as unknown as Worker);
    const [a, b] = await Promise.all([client.run(job, fonts), client.run(job, fonts)]);
    expect([a.bytes[0], b.bytes[0]]).toEqual([1, 2]);
    expect(worker.received.map((r) => r.job.type)).toEqual(['leave', 'leave']);
  });

  it('rejects with the Worker’s Chinese message', async () => {
    const client = createPdfClient(
      () =>
        new FakeWorker((req) => ({ id: req.id, ok: false, error: '日期格式不正确' })) as unknown as Worker,
    );
    await expect(client.run(job, fonts)).rejects.toThrow('日期格式不正确');
  });

  it('fails pending jobs when the Worker dies or the client is disposed', async () => {
    const worker = new FakeWorker(() => null);
    const client = createPdfClient(() => worker as unknown as Worker);
    const pending = client.run(job, fonts);
    worker.onerror?.(new Error('boom'));
    await expect(pending).rejects.toThrow(/意外退出/);
    const again = client.run(job, fonts);
    client.dispose();
    await expect(again).rejects.toThrow(/已取消/);
    expect(worker.terminated).toBe(true);
  });

  it('sends the fonts once per Worker and again only when they change or a new Worker starts', async () => {
    const workers: FakeWorker[] = [];
    const client = createPdfClient(() => {
      const w = new FakeWorker((req) => ({
        id: req.id,
        ok: true,
        value: { bytes: new Uint8Array([req.id]), pageCount: 1, fonts: [] },
      }));
      workers.push(w);
      return w as unknown as Worker;
    });
    const other = { changed: true } as unknown as PdfRequest['fonts'];
    await client.run(job, fonts);
    await client.run(job, fonts);
    await client.run(job, other);
    expect(workers[0]?.received.map((m) => m.fonts)).toEqual([fonts, undefined, other]);
    workers[0]?.onerror?.(new Error('boom'));
    await client.run(job, other);
    expect(workers[1]?.received.map((m) => m.fonts)).toEqual([other]);
  });
});
