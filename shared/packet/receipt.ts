/**
 * 回执: after importing, the receiver sends back a small signed packet saying what it received, verified and
 * applied, so the sender can close the loop (and see which records are waiting on a conflict decision).
 */
import type { PacketInput } from './build';
import type { OfficeKeyPair } from './cryptography';
import type { PacketAuditHead, ReceiptData } from './manifest';
import type { OpenedPacket } from './open';
import { recordKey, type ImportPlan } from './plan';

export interface ReceiptInput {
  readonly packet: OpenedPacket;
  readonly plan: ImportPlan;
  /** Record keys actually written; by default everything new or updated in the plan. */
  readonly appliedKeys?: ReadonlySet<string>;
  readonly receivedAt: string;
  /** The receiving office, signing the receipt. */
  readonly origin: PacketInput['origin'];
  readonly operator: PacketInput['operator'];
  readonly createdAt: string;
  readonly auditHead: PacketAuditHead;
  readonly key: OfficeKeyPair & { readonly sample?: boolean };
  readonly packetId?: string;
}

export function receiptData(
  input: Pick<ReceiptInput, 'packet' | 'plan' | 'appliedKeys' | 'receivedAt'>,
): ReceiptData {
  const { packet, plan } = input;
  const candidates = [...plan.new, ...plan.updated.map((u) => u.incoming)];
  const applied = candidates
    .filter(
      (r) => input.appliedKeys === undefined || input.appliedKeys.has(recordKey(r.meta.type, r.meta.id)),
    )
    .map((r) => ({ type: r.meta.type, id: r.meta.id, contentHash: r.meta.contentHash }));
  return {
    receivedPacketId: packet.manifest.packetId,
    receivedKind: packet.manifest.kind,
    fromOffice: packet.manifest.origin.officeId,
    manifestSha256: packet.manifestSha256,
    receivedAt: input.receivedAt,
    verified: true,
    signerFingerprint: packet.signer.fingerprint,
    applied,
    unchanged: plan.unchanged.length,
    conflicts: plan.conflicts.map((c) => ({ type: c.incoming.meta.type, id: c.incoming.meta.id })),
  };
}

/** The packet input of a receipt; pass it to `buildPacket`. */
export function buildReceipt(input: ReceiptInput): PacketInput {
  return receiptPacketInput(receiptData(input), {
    fromOfficeName: input.packet.manifest.origin.officeName,
    ...(input.packetId !== undefined ? { packetId: input.packetId } : {}),
    origin: input.origin,
    createdAt: input.createdAt,
    operator: input.operator,
    auditHead: input.auditHead,
    key: input.key,
  });
}

/**
 * The packet input of a receipt from receipt data the receiver kept (e.g. in its packet register), so a
 * receipt can be written later than the import, and say what the clerk decided on each conflict.
 */
export function receiptPacketInput(
  data: ReceiptData,
  input: Pick<ReceiptInput, 'origin' | 'operator' | 'createdAt' | 'auditHead' | 'key' | 'packetId'> & {
    readonly fromOfficeName: string;
  },
): PacketInput {
  return {
    kind: 'receipt',
    ...(input.packetId !== undefined ? { packetId: input.packetId } : {}),
    origin: input.origin,
    createdAt: input.createdAt,
    operator: input.operator,
    purpose: `回执：已收到${input.fromOfficeName}的数据包 ${data.receivedPacketId}，校验通过，导入 ${data.applied.length} 条，未变 ${data.unchanged} 条，待处理冲突 ${data.conflicts.length} 条`,
    inReplyTo: data.receivedPacketId,
    records: [{ type: 'receipt', id: data.receivedPacketId, version: 1, updatedAt: input.createdAt, data }],
    auditHead: input.auditHead,
    key: input.key,
  };
}
