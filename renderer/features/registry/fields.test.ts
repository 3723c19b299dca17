import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import { postHoldingSchema, travelSchema, unitSchema } from '../../../shared/domain/registry-schema';
import { createSampleOffice, SAMPLE_IDS } from '../../../shared/sample';
import { emptyRegistry } from '../../../shared/domain/registry';
import { REGISTRY_KINDS } from '../../data';
import { defaultsFor, FIELDS, newId, toRecordInput } from './fields';

const today = isoDate('2026-03-02');

describe('registry form fields', () => {
  it('has a Chinese label for every field of every kind', () => {
    for (const kind of REGISTRY_KINDS) {
      expect(FIELDS[kind].length).toBeGreaterThan(0);
      for (const f of FIELDS[kind]) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('turns form values into schema input: trimmed, blanks dropped, hidden fields ignored', () => {
    const input = toRecordInput('units', { name: ' 区教育局 ', kind: 'department', outsideRole: 'court', roles: [], parentId: '' }, 'u1');
    expect(input).toEqual({ id: 'u1', name: '区教育局', kind: 'department' });
    expect(unitSchema.safeParse(input).success).toBe(true);
  });

  it('keeps the unit of a unit post and drops it for a government post', () => {
    const unitPost = toRecordInput('posts', { personId: 'p', post: 'unitHead', unitId: 'u', from: '2026-01-01' }, 'h');
    expect(unitPost.unitId).toBe('u');
    const govPost = toRecordInput('posts', { personId: 'p', post: 'deputyHead', unitId: 'u', from: '2026-01-01' }, 'h');
    expect(govPost.unitId).toBeUndefined();
    expect(postHoldingSchema.safeParse(govPost).success).toBe(true);
  });

  it('fills the fields a travel report needs even when left empty', () => {
    const input = toRecordInput('travels', { personId: 'p', from: '2026-03-01', to: '2026-03-02', destination: '省城', reportedOn: '2026-02-27', reportedTo: [] }, 't');
    expect(input).toMatchObject({ reportedTo: [], purpose: '' });
    expect(travelSchema.safeParse(input).success).toBe(true);
  });

  it('proposes sensible defaults, e.g. the 区长 as grantor of an entrustment', () => {
    expect(defaultsFor('entrustments', createSampleOffice(today), today)).toMatchObject({ grantorId: SAMPLE_IDS.districtHead, recordedOn: today });
    expect(defaultsFor('entrustments', emptyRegistry, today).grantorId).toBeUndefined();
    expect(defaultsFor('travels', emptyRegistry, today)).toMatchObject({ from: today, reportedTo: ['districtHead'] });
    for (const kind of REGISTRY_KINDS) expect(defaultsFor(kind, emptyRegistry, today)).toBeTypeOf('object');
  });

  it('makes ids with a readable prefix', () => {
    expect(newId('people', () => 'abc')).toBe('people-abc');
  });
});
