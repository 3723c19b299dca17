/**
 * What each registry form asks for, and how its values become a record for the schema. Pure, so the
 * conversion (blank → absent, trimming, ids) is tested without a browser.
 */
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { POST_LABELS, UNIT_KIND_LABELS, type Registry } from '../../../shared/domain/registry';
import type { RegistryKind } from '../../data';
import { ENTRUSTMENT_SCOPE_LABELS, RECIPIENT_LABELS, RELATION_LABELS, ROLE_LABELS } from './selectors';

export type FieldType =
  'text' | 'textarea' | 'date' | 'bool' | 'select' | 'multi' | 'person' | 'unit' | 'travel';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly options?: Readonly<Record<string, string>>;
  readonly help?: string;
  /** Shown only when this returns true for the current values. */
  readonly when?: (values: Readonly<Record<string, unknown>>) => boolean;
}

const OUTSIDE_ROLE_LABELS = {
  partyCommittee: '区委',
  partyCommitteeOffice: '区委办公室',
  congressStandingCommittee: '区人大常委会',
  cppcc: '区政协',
  court: '区法院',
  procuratorate: '区检察院',
  democraticParty: '民主党派',
  commerceFederation: '工商联',
  peoplesOrganization: '人民团体',
  nonPartisan: '无党派人士',
  otherGovernment: '其他县（区）政府',
  cityDepartment: '市直部门',
} as const;

const dateHelp = '格式 YYYY-MM-DD，例如 2026-03-05';

export const FIELDS: Readonly<Record<RegistryKind, readonly FieldSpec[]>> = {
  people: [
    { name: 'name', label: '姓名', type: 'text', required: true },
    {
      name: 'partyMember',
      label: '中共党员',
      type: 'bool',
      required: true,
      help: '决定能否作为区政府党组成员，以及列席党组会议（第四十一条）',
    },
    { name: 'note', label: '备注', type: 'textarea' },
  ],
  units: [
    { name: 'name', label: '单位名称', type: 'text', required: true },
    { name: 'kind', label: '单位类别', type: 'select', options: UNIT_KIND_LABELS, required: true },
    {
      name: 'outsideRole',
      label: '区外单位类别',
      type: 'select',
      options: OUTSIDE_ROLE_LABELS,
      when: (v) => v.kind === 'outside',
    },
    {
      name: 'roles',
      label: '固定角色',
      type: 'multi',
      options: ROLE_LABELS,
      help: '如常务会议固定列席单位（第四十二条）、法制机构、督查机构；单位更名后角色不变',
    },
    { name: 'parentId', label: '上级单位', type: 'unit' },
  ],
  posts: [
    { name: 'personId', label: '人员', type: 'person', required: true },
    { name: 'post', label: '职务', type: 'select', options: POST_LABELS, required: true },
    {
      name: 'unitId',
      label: '单位',
      type: 'unit',
      when: (v) => v.post === 'unitHead' || v.post === 'unitLeader',
      required: true,
    },
    { name: 'title', label: '具体职务名称', type: 'text', help: '如“区人大常委会副主任”，可不填' },
    { name: 'from', label: '任职开始', type: 'date', required: true, help: dateHelp },
    { name: 'to', label: '任职结束', type: 'date', help: '仍在任可不填；离任请填写最后一天' },
  ],
  portfolios: [
    { name: 'leaderId', label: '区领导', type: 'person', required: true },
    { name: 'relation', label: '分管或联系', type: 'select', options: RELATION_LABELS, required: true },
    { name: 'unitId', label: '单位', type: 'unit', required: true },
    { name: 'from', label: '开始日期', type: 'date', required: true, help: dateHelp },
    { name: 'to', label: '结束日期', type: 'date' },
  ],
  entrustments: [
    { name: 'grantorId', label: '委托人（区长）', type: 'person', required: true },
    { name: 'granteeId', label: '受委托的副区长', type: 'person', required: true },
    {
      name: 'scope',
      label: '委托事项',
      type: 'select',
      options: ENTRUSTMENT_SCOPE_LABELS,
      required: true,
      help: '副区长主持区长办公会议须有区长委托（第四十三条）',
    },
    { name: 'description', label: '说明', type: 'textarea' },
    { name: 'from', label: '开始日期', type: 'date', required: true, help: dateHelp },
    { name: 'to', label: '结束日期', type: 'date' },
    { name: 'recordedOn', label: '登记日期', type: 'date', required: true },
  ],
  travels: [
    { name: 'personId', label: '外出人', type: 'person', required: true },
    { name: 'from', label: '外出日期', type: 'date', required: true, help: dateHelp },
    { name: 'to', label: '返回日期', type: 'date', required: true },
    { name: 'destination', label: '外出地点', type: 'text', required: true },
    { name: 'purpose', label: '事由', type: 'textarea' },
    {
      name: 'reportedTo',
      label: '报告对象',
      type: 'multi',
      options: RECIPIENT_LABELS,
      help: '区领导外出须事先报告（第五十九条）',
    },
    { name: 'reportedOn', label: '报告日期', type: 'date', required: true },
    {
      name: 'approvedBy',
      label: '同意人',
      type: 'person',
      help: '部门、乡镇主要负责同志外出，须经分管区领导同意（第五十九条）',
    },
    { name: 'approvedOn', label: '同意日期', type: 'date' },
  ],
  coverages: [
    { name: 'absentId', label: '外出的区领导', type: 'person', required: true },
    {
      name: 'coveringId',
      label: '代管人',
      type: 'person',
      required: true,
      help: '外出期间其分管、联系工作由代管人负责（第九条）',
    },
    { name: 'travelId', label: '仅限某次外出', type: 'travel', help: '不选则为常设代管安排' },
    { name: 'from', label: '开始日期', type: 'date' },
    { name: 'to', label: '结束日期', type: 'date' },
  ],
};

/** New record ids: readable prefix plus a random part, unique without a counter in the database. */
export function newId(kind: RegistryKind, random: () => string): string {
  return `${kind}-${random()}`;
}

/** Form values → record input for the schema: strings trimmed, blanks and empty lists dropped. */
export function toRecordInput(
  kind: RegistryKind,
  values: Readonly<Record<string, unknown>>,
  id: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const f of FIELDS[kind]) {
    if (f.when && !f.when(values)) continue;
    let v = values[f.name];
    if (typeof v === 'string') v = v.trim();
    if (v === '' || v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0 && f.name !== 'reportedTo') continue;
    out[f.name] = v;
  }
  // The schema requires these even when the clerk leaves them empty.
  if (kind === 'travels') {
    out.reportedTo ??= [];
    out.purpose ??= '';
  }
  if (kind === 'entrustments') out.description ??= '';
  return out;
}

/** Defaults for a new record of `kind`. */
export function defaultsFor(kind: RegistryKind, reg: Registry, today: IsoDate): Record<string, unknown> {
  switch (kind) {
    case 'people':
      return { partyMember: true };
    case 'units':
      return { kind: 'department' };
    case 'posts':
    case 'portfolios':
      return { from: today };
    case 'entrustments': {
      const head = reg.posts.find(
        (h) => h.post === 'districtHead' && h.from <= today && (h.to ?? today) >= today,
      );
      return {
        from: today,
        recordedOn: today,
        scope: 'headOfficeMeeting',
        ...(head ? { grantorId: head.personId } : {}),
      };
    }
    case 'travels':
      return { from: today, to: today, reportedOn: today, reportedTo: ['districtHead'] };
    case 'coverages':
      return {};
    default: {
      const never: never = kind;
      return never;
    }
  }
}
