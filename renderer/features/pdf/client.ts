/**
 * UI-side handle on the PDF Worker: one Worker, requests matched to responses by id. Later UI (preview,
 * print, seals, received-document stamping) only calls these methods.
 */
import type { FontSet, PdfJob, PdfOutput, PdfResponse } from '../../../shared/pdf';

/**
 * What the page posts to the Worker. The fonts (tens of MB) travel only with the first job after they change;
 * the Worker keeps them, so later jobs post just the job.
 */
export interface PdfWorkerMessage {
  readonly id: number;
  readonly job: PdfJob;
  readonly fonts?: FontSet;
}

export interface PdfClient {
  run(job: PdfJob, fonts: FontSet): Promise<PdfOutput>;
  dispose(): void;
}

/** `spawn` is injectable so tests (or Electron) can supply the Worker; the default is the bundled module Worker. */
export function createPdfClient(
  spawn: () => Worker = () => new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' }),
): PdfClient {
  let worker: Worker | undefined;
  /** The fonts the current Worker holds (a new Worker holds none). */
  let fontsSent: FontSet | undefined;
  let next = 1;
  const pending = new Map<number, { resolve: (v: PdfOutput) => void; reject: (e: Error) => void }>();
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    fontsSent = undefined;
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
        const w = ensure();
        const message: PdfWorkerMessage = fonts === fontsSent ? { id, job } : { id, job, fonts };
        fontsSent = fonts;
        w.postMessage(message);
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
