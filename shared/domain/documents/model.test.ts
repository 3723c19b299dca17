import { describe, expect, it } from 'vitest';
import { documentId } from '../ids';
import {
  classificationLabel,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  reservedContentOf,
  suggestedDirection,
  unhandledDocumentCase,
  type DocumentKind,
  type OutgoingDocument,
  type RecipientLevel,
} from './model';

const doc = (kind: DocumentKind, extra: Partial<OutgoingDocument> = {}): OutgoingDocument => ({
  id: documentId('d'),
  direction: 'outgoing',
  title: '标题',
  kind,
  issuer: { kind: 'government' },
  flow: 'downward',
  ...extra,
});

describe('document kinds', () => {
  it('has the 15 kinds of the 2012 regulation, each with a Chinese label', () => {
    expect(DOCUMENT_KINDS).toHaveLength(15);
    expect(DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_LABELS[k]).join('')).toBe(
      '决议决定命令（令）公报公告通告意见通知通报报告请示批复议案函纪要',
    );
  });
});

describe('classificationLabel', () => {
  it('marks the period with a star as GB/T 9704 does', () => {
    expect(classificationLabel({ level: 'secret', years: 10 })).toBe('机密★10年');
    expect(classificationLabel({ level: 'topSecret' })).toBe('绝密');
    expect(classificationLabel({ level: 'confidential', years: 5 })).toBe('秘密★5年');
  });
});

describe('suggestedDirection', () => {
  const levels: RecipientLevel[] = ['superior', 'peer', 'subordinate', 'public'];
  it('sends 请示/报告/议案 up, 批复 down and 函 sideways whatever the recipient', () => {
    for (const r of levels) {
      expect(suggestedDirection('request', r)).toBe('upward');
      expect(suggestedDirection('report', r)).toBe('upward');
      expect(suggestedDirection('bill', r)).toBe('upward');
      expect(suggestedDirection('reply', r)).toBe('downward');
      expect(suggestedDirection('letter', r)).toBe('parallel');
    }
  });
  it('follows the recipient for the other kinds', () => {
    expect(levels.map((r) => suggestedDirection('notice', r))).toEqual(['upward', 'parallel', 'downward', 'downward']);
    for (const k of DOCUMENT_KINDS) expect(['upward', 'parallel', 'downward']).toContain(suggestedDirection(k, 'peer'));
  });
});

describe('reservedContentOf', () => {
  it('is recorded content, or implied by 命令 and 议案', () => {
    expect(reservedContentOf(doc('order'))).toBe('order');
    expect(reservedContentOf(doc('bill'))).toBe('bill');
    expect(reservedContentOf(doc('notice', { reservedContent: 'personnel' }))).toBe('personnel');
    expect(reservedContentOf(doc('notice'))).toBeUndefined();
  });
});

describe('unhandledDocumentCase', () => {
  it('throws a Chinese error for a value the types said could not happen', () => {
    expect(() => unhandledDocumentCase('x' as never)).toThrow(/未处理的情形/);
  });
});
