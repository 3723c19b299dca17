/// <reference lib="webworker" />
/**
 * The PDF Worker: renders off the UI thread with harfbuzzjs' wasm subsetter (instantiated once per Worker).
 * Needs 'wasm-unsafe-eval' in the page's Content-Security-Policy.
 */
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { createHarfbuzzSubsetter, handlePdfRequest, type FontSet, type HbExports } from '../../../shared/pdf';
import type { PdfWorkerMessage } from './client';

const subsetter = createHarfbuzzSubsetter(async () => {
  const { instance } = await WebAssembly.instantiateStreaming(fetch(wasmUrl));
  const exports = instance.exports as unknown as HbExports & { _initialize(): void };
  exports._initialize();
  return exports;
});

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Kept from the last message that carried them (the client sends them only when they change). */
let fonts: FontSet | undefined;
scope.onmessage = (event: MessageEvent<PdfWorkerMessage>) => {
  const { id, job } = event.data;
  fonts = event.data.fonts ?? fonts;
  if (fonts === undefined) {
    scope.postMessage({ id, ok: false, error: '字体尚未载入，请重试。' });
    return;
  }
  void handlePdfRequest({ id, job, fonts }, subsetter).then((res) => {
    scope.postMessage(res, res.ok ? [res.value.bytes.buffer as ArrayBuffer] : []);
  });
};
