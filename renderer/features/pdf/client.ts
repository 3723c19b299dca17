/**
 * UI-side handle on the PDF Worker: one Worker, requests matched to responses by id. Later UI (preview,
 * print, seals, received-document stamping) only calls these methods.
 */
import type { FontSet, PdfJob, PdfOutput, PdfResponse } from '../../../shared/pdf';

export interface PdfClient {
  run(job: PdfJob, fonts: FontSet): Promise<PdfOutput>;
  dispose(): void;
}

/** `spawn` is injectable so tests (or Electron) can supply the Worker; the default is the bundled module Worker. */
export function createPdfClient(
  spawn: () => Worker = () => new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' }),
): PdfClient {
  let worker: Worker | undefined;
  let next = 1;
  const pending = new Map<number, { resolve: (v: PdfOutput) => void; reject: (e: Error) => void }>();
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (event: MessageEvent<PdfResponse>) => {
      const res = event.data;
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      if (res.ok) p.resolve(res.value);
      else p.reject(new Error(res.error));
    };
    w.onerror = () => {
      for (const p of pending.values()) p.reject(new Error('PDF 排版进程意外退出，请重试'));
      pending.clear();
      worker = undefined;
    };
    worker = w;
    return w;
  };
  return {
    run(job, fonts) {
      const id = next++;
      return new Promise<PdfOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ensure().postMessage({ id, fonts, job });
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error('PDF 排版已取消'));
      pending.clear();
    },
  };
}
