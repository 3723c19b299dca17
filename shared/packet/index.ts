/** USB packets between isolated PCs: build, open and verify, plan the merge, answer with a receipt. */
export { buildPacket, packetFileName, recordPath, sha256Sums } from './build';
export type { BuiltPacket, PacketFileInput, PacketInput, PacketRecordInput } from './build';
export { generateOfficeKey, keyFingerprint, sha256Hex, sm3Hex } from './cryptography';
export type { OfficeKeyPair } from './cryptography';
export { PacketError } from './errors';
export type { PacketCheck } from './errors';
export { DEFAULT_LIMITS } from './limits';
export type { PacketLimits } from './limits';
export * from './manifest';
export { openPacket } from './open';
export type {
  IncomingRecord,
  OpenOptions,
  OpenResult,
  OpenedPacket,
  PacketSource,
  RegisteredKey,
} from './open';
export { exchangeStateAfter, isNoop, planImport, recordKey } from './plan';
export type {
  ExchangeState,
  ImportPlan,
  LocalRecordState,
  PlannedConflict,
  PlannedUnchanged,
  PlannedUpdate,
} from './plan';
export { buildReceipt, receiptData, receiptPacketInput } from './receipt';
export type { ReceiptInput } from './receipt';
export { sm3 } from './sm3';
export { SAMPLE_KEY, SAMPLE_OFFICE, placeholderPdf, sampleMeetingInput } from './sample';
