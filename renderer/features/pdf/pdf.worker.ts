/// <reference lib="webworker" />
/**
 * The PDF Worker: renders off the UI thread with harfbuzzjs' wasm subsetter (instantiated once per Worker).
 * Needs 'wasm-unsafe-eval' in the page's Content-Security-Policy.
 */
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import {
  createHarfbuzzSubsetter,
  handlePdfRequest,
  type HbExports,
  type PdfRequest,
} from '../../../shared/pdf';

const subsetter = createHarfbuzzSubsetter(async () => {
  const { instance } = await WebAssembly.instantiateStreaming(fetch(wasmUrl));
  const exports = instance.exports as unknown as HbExports & { _initialize(): void };
  exports._initialize();
  return exports;
});

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<PdfRequest>) => {
  void handlePdfRequest(event.data, subsetter).then((res) => {
    scope.postMessage(res, res.ok ? [res.value.bytes.buffer as ArrayBuffer] : []);
  });
};
