import { describe, expect, it } from 'vitest';
import {
  parseDocument,
  parseIncomingDocument,
  parseInstruction,
  parseOutgoingDocument,
  parseSignature,
} from './document-schema';

const outgoing = {
  id: 'd-1',
  direction: 'outgoing',
  title: '关于做好春季开学工作的通知',
  kind: 'notice',
  issuer: { kind: 'governmentWithPeer', counterpartName: '泾川县人民政府', counterpartSignerPost: 'governmentHead' },
  flow: 'downward',
  classification: { level: 'secret', years: 10 },
  print: { date: '2026-03-05', copies: 10, serialFrom: 1, serialTo: 10 },
  publication: { public: false, reason: 'stateSecret' },
};

describe('document schemas', () => {
  it('parses valid outgoing and incoming records', () => {
    expect(parseOutgoingDocument(outgoing).issuer.kind).toBe('governmentWithPeer');
    expect(parseDocument(outgoing).direction).toBe('outgoing');
    const incoming = parseIncomingDocument({
      id: 'i-1',
      direction: 'incoming',
      title: '请示',
      kind: 'request',
      fromUnitId: 'u-agr',
      addressedTo: { kind: 'leader', personId: 'p-head' },
      registeredOn: '2026-03-02',
      crossDepartment: { concernedUnitIds: ['u-nat'] },
    });
    expect(incoming.crossDepartment?.countersignatures).toEqual([]);
  });

  it('refuses malformed records with Chinese messages', () => {
    expect(() => parseOutgoingDocument({ ...outgoing, title: '  ' })).toThrow(/请填写文件标题/);
    expect(() => parseOutgoingDocument({ ...outgoing, print: { date: '2026-03-05', copies: 0 } })).toThrow(/至少 1 份/);
    expect(() =>
      parseOutgoingDocument({ ...outgoing, print: { date: '2026-03-05', copies: 2, serialFrom: 5, serialTo: 4 } }),
    ).toThrow(/份号止号不能小于起号/);
    expect(() => parseOutgoingDocument({ ...outgoing, signatures: [{ personId: 'p', date: '2026-02-30', role: 'sign' }] })).toThrow(
      /YYYY-MM-DD/,
    );
    expect(() => parseDocument({ ...outgoing, direction: 'sideways' })).toThrow();
    expect(() => parseOutgoingDocument({ ...outgoing, extra: 1 })).toThrow();
  });

  it('parses signatures and instructions', () => {
    expect(
      parseSignature({ personId: 'p-exec', date: '2026-03-05', role: 'sign', actingForId: 'p-head', actingBasis: { kind: 'executiveDeputyForDistrictHead' } })
        .actingForId,
    ).toBe('p-head');
    expect(parseInstruction({ leaderId: 'p-head', date: '2026-03-05', text: '同意' }).text).toBe('同意');
    expect(() => parseInstruction({ leaderId: '', date: '2026-03-05', text: '同意' })).toThrow(/编号不能为空/);
  });
});
