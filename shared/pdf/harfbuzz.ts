/**
 * A FontSubsetter over harfbuzz-subset.wasm's raw exports (the calls subset-font makes), shared by Node and
 * the browser Worker: each host only instantiates the wasm. The face is copied in per call and freed after:
 * the wasm heap cannot grow past ~68 MB, so several ~24 MB CJK faces cannot stay resident together.
 */
import type { FontSubsetter } from './fonts';

/** The slice of harfbuzz-subset.wasm's exports used here. */
export interface HbExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(n: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

/** `load` instantiates the wasm (once; the promise is kept) and returns its exports after `_initialize`. */
export function createHarfbuzzSubsetter(load: () => Promise<HbExports>): FontSubsetter {
  let hbPromise: Promise<HbExports> | undefined;
  // One subset at a time: the heap holds one CJK face, not several.
  let queue: Promise<unknown> = Promise.resolve();
  const subset = async (font: Uint8Array, text: string): Promise<Uint8Array> => {
    hbPromise ??= load();
    const hb = await hbPromise;
    const ptr = hb.malloc(font.byteLength);
    if (ptr === 0) throw new Error('字体文件过大，超出精简工具的内存，请改用单个字形集的字体文件');
    let face = 0;
    const input = hb.hb_subset_input_create_or_fail();
    try {
      if (input === 0) throw new Error('HarfBuzz 无法创建字体精简任务');
      new Uint8Array(hb.memory.buffer).set(font, ptr);
      const blob = hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
      face = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      // Keep every layout feature (as subset-font does) but no layout closure: the engine draws each
      // character's default glyph, and GSUB alternates (vertical forms, locl variants) only add weight.
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      hb.hb_set_invert(features);
      hb.hb_subset_input_set_flags(
        input,
        hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE,
      );
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
      const result = hb.hb_subset_or_fail(face, input);
      if (result === 0) throw new Error('HarfBuzz 精简字体失败，字体文件可能已损坏');
      const blob2 = hb.hb_face_reference_blob(result);
      const length = hb.hb_blob_get_length(blob2);
      const out = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob2, 0), length).slice();
      hb.hb_blob_destroy(blob2);
      hb.hb_face_destroy(result);
      if (length === 0) throw new Error('HarfBuzz 精简字体结果为空，字体文件可能已损坏');
      return out;
    } finally {
      if (input !== 0) hb.hb_subset_input_destroy(input);
      if (face !== 0) hb.hb_face_destroy(face);
      hb.free(ptr);
    }
  };
  return (font, text) => {
    const run = queue.then(() => subset(font, text));
    queue = run.catch(() => undefined);
    return run;
  };
}
