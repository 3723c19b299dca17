// The PDF engine: pure (data + font bytes in, PDF bytes out); runs in Node and in a Web Worker.
export * from './fonts';
export * from './geometry';
export * from './linebreak';
export * from './model';
export * from './ops';
export * from './render';
export * from './sfnt';
export { layoutDocument, paginate } from './layout';
export * from './meeting';
export * from './forms';
export * from './stamp';
export { sealOps, pngSize } from './seal';
export * from './harfbuzz';
export * from './jobs';
