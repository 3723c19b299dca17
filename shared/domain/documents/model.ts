/**
 * Official documents (公文) as records: incoming (收文) and outgoing (发文), SPEC §3, arts. 19, 30–32, 49–55.
 * Kinds, classification and urgency follow 《党政机关公文处理工作条例》(2012) and GB/T 9704-2012; every
 * label shown to a clerk is Chinese and lives beside its code here.
 */
import type { IsoDate } from '../../calendar/iso-date';
import type { DocumentId, MeetingId, PersonId, TaskId, UnitId } from '../ids';
import type { ActingBasis } from '../registry';

// ---------------------------------------------------------------------------------------------------------
// Kinds, direction, classification, urgency.

/** The 15 kinds of 《党政机关公文处理工作条例》 art. 8. */
export const DOCUMENT_KINDS = [
  'resolution', // 决议
  'decision', // 决定
  'order', // 命令（令）
  'communique', // 公报
  'announcement', // 公告
  'publicNotice', // 通告
  'opinion', // 意见
  'notice', // 通知
  'bulletin', // 通报
  'report', // 报告
  'request', // 请示
  'reply', // 批复
  'bill', // 议案
  'letter', // 函
  'minutes', // 纪要
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  resolution: '决议',
  decision: '决定',
  order: '命令（令）',
  communique: '公报',
  announcement: '公告',
  publicNotice: '通告',
  opinion: '意见',
  notice: '通知',
  bulletin: '通报',
  report: '报告',
  request: '请示',
  reply: '批复',
  bill: '议案',
  letter: '函',
  minutes: '纪要',
};

/** 上行文 / 平行文 / 下行文: decides who signs a 区政府 document (art. 52). */
export const DOCUMENT_DIRECTIONS = ['upward', 'parallel', 'downward'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

export const DOCUMENT_DIRECTION_LABELS: Readonly<Record<DocumentDirection, string>> = {
  upward: '上行文',
  parallel: '平行文',
  downward: '下行文',
};

/** Where the main recipient stands relative to the issuer; with the kind it suggests the direction. */
export type RecipientLevel = 'superior' | 'peer' | 'subordinate' | 'public';

export const RECIPIENT_LEVEL_LABELS: Readonly<Record<RecipientLevel, string>> = {
  superior: '上级机关',
  peer: '平级或不相隶属机关',
  subordinate: '下级机关',
  public: '社会公众',
};

export const CLASSIFICATIONS = ['topSecret', 'secret', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  topSecret: '绝密',
  secret: '机密',
  confidential: '秘密',
};

export interface ClassificationMark {
  readonly level: Classification;
  /** 保密期限 in years; absent = the statutory default for the level. */
  readonly years?: number;
}

export const URGENCIES = ['extraUrgent', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  extraUrgent: '特急',
  urgent: '加急',
};

// ---------------------------------------------------------------------------------------------------------
// Outgoing: issuer forms and the art. 51 reserved content.

/** Post of the other side's signer in a joint document with another county/district or a city department. */
export const COUNTERPART_SIGNER_POSTS = ['governmentHead', 'deputyGovernmentHead', 'departmentHead'] as const;
export type CounterpartSignerPost = (typeof COUNTERPART_SIGNER_POSTS)[number];

export const COUNTERPART_SIGNER_POST_LABELS: Readonly<Record<CounterpartSignerPost, string>> = {
  governmentHead: '县（区）长',
  deputyGovernmentHead: '副县（区）长',
  departmentHead: '市直部门负责同志',
};

/** The five issuer forms art. 52 distinguishes. */
export type Issuer =
  | { readonly kind: 'government' } // 区政府
  | { readonly kind: 'governmentOffice' } // 区政府办公室
  | { readonly kind: 'partyAndGovernment' } // 区委、区政府联合发文
  | {
      // 区政府和其他县（区）政府或市直部门联合行文
      readonly kind: 'governmentWithPeer';
      readonly counterpartName: string;
      readonly counterpartUnitId?: UnitId;
      readonly counterpartSignerPost: CounterpartSignerPost;
    }
  | { readonly kind: 'partyOfficeAndGovernmentOffice' }; // 区委办公室、区政府办公室联合发文

export type IssuerKind = Issuer['kind'];

export const ISSUER_KIND_LABELS: Readonly<Record<IssuerKind, string>> = {
  government: '区政府',
  governmentOffice: '区政府办公室',
  partyAndGovernment: '区委、区政府联合发文',
  governmentWithPeer: '区政府与其他县（区）政府或市直部门联合行文',
  partyOfficeAndGovernmentOffice: '区委办公室、区政府办公室联合发文',
};

/** Content art. 51 reserves to the 区长's signature. */
export const RESERVED_CONTENTS = ['bill', 'regulation', 'order', 'personnel'] as const;
export type ReservedContent = (typeof RESERVED_CONTENTS)[number];

export const RESERVED_CONTENT_LABELS: Readonly<Record<ReservedContent, string>> = {
  bill: '向区人大及其常委会提出的议案',
  regulation: '规章',
  order: '命令',
  personnel: '人事任免',
};

/** "When necessary" (如有必要) escalation of art. 52, recorded with its reason. */
export type EscalationTarget = 'responsibleDeputy' | 'districtHead';

export interface Escalation {
  readonly to: EscalationTarget;
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------------------
// Outgoing: process records.

/** The five "should this be a document at all" questions of art. 52; true = yes (a reason not to issue). */
export interface NecessityAnswers {
  /** 能通过电话、面谈或小范围会议等方式协调、安排部署工作 */
  readonly callOrMeetingWouldDo?: boolean;
  /** 工作要求涉及个别部门（不发普发性文件） */
  readonly concernsOneDepartment?: boolean;
  /** 属部门职权范围内事务、应由部门自行发文 */
  readonly departmentOwnBusiness?: boolean;
  /** 国家法律法规已作出明确规定 */
  readonly lawAlreadyProvides?: boolean;
  /** 没有实质内容、可发可不发 */
  readonly noRealContent?: boolean;
  readonly answeredBy?: PersonId;
  readonly answeredOn?: IsoDate;
}

export type ReviewRole = 'verification' | 'officeDirector' | 'responsibleDeputy';

export const REVIEW_ROLE_LABELS: Readonly<Record<ReviewRole, string>> = {
  verification: '核稿',
  officeDirector: '区政府办公室主任审核',
  responsibleDeputy: '分管副区长审核',
};

export interface DocumentReview {
  readonly personId: PersonId;
  readonly role: ReviewRole;
  readonly date: IsoDate;
  readonly opinion?: string;
  /** Reviewed for an absent person under art. 9. */
  readonly actingForId?: PersonId;
}

export interface DocumentCountersignature {
  readonly unitId?: UnitId;
  readonly personId: PersonId;
  readonly date: IsoDate;
  readonly opinion?: string;
  readonly actingForId?: PersonId;
}

export type SignatureRole = 'sign' | 'countersign';

export interface DocumentSignature {
  readonly personId: PersonId;
  readonly date: IsoDate;
  /** 签发 by our side, or 会签 (joint documents where the other side issues). */
  readonly role: SignatureRole;
  /** "代": signed for this absent person, with the art. 9 basis. */
  readonly actingForId?: PersonId;
  readonly actingBasis?: ActingBasis;
  readonly opinion?: string;
}

export type DocumentLegalityConclusion = 'lawful' | 'needsRevision' | 'unlawful';

export const DOCUMENT_LEGALITY_CONCLUSION_LABELS: Readonly<Record<DocumentLegalityConclusion, string>> = {
  lawful: '合法',
  needsRevision: '需修改',
  unlawful: '不合法',
};

/** 合法性审查 by the 法制机构 (art. 19). */
export interface DocumentLegalityReview {
  readonly unitId?: UnitId;
  readonly reviewerId?: PersonId;
  readonly date: IsoDate;
  readonly conclusion: DocumentLegalityConclusion;
  readonly note?: string;
}

export interface PrintRecord {
  readonly date: IsoDate;
  readonly copies: number;
  /** 份号 range (inclusive), required for classified documents (GB/T 9704-2012 7.2.1). */
  readonly serialFrom?: number;
  readonly serialTo?: number;
}

export interface SealRecord {
  readonly date: IsoDate;
  /** Who used the seal: every use is logged (art. 54). */
  readonly operatorId: PersonId;
}

/** Lawful grounds for not publishing (政府信息公开条例 arts. 14–16, read with arts. 30–32 of the rules). */
export const NON_PUBLIC_REASONS = [
  'stateSecret',
  'lawProhibits',
  'securityOrStability',
  'tradeSecretOrPrivacy',
  'internalAffairs',
  'processInformation',
  'other',
] as const;
export type NonPublicReason = (typeof NON_PUBLIC_REASONS)[number];

export const NON_PUBLIC_REASON_LABELS: Readonly<Record<NonPublicReason, string>> = {
  stateSecret: '涉及国家秘密',
  lawProhibits: '法律、行政法规禁止公开',
  securityOrStability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  tradeSecretOrPrivacy: '涉及商业秘密、个人隐私',
  internalAffairs: '内部事务信息（人事管理、后勤管理、内部工作流程等）',
  processInformation: '过程性信息',
  other: '其他法定理由',
};

export type DocumentPublication =
  | {
      readonly public: true;
      /** Published on the “甘肃·崆峒”门户网站 (art. 32, 53). */
      readonly portalPublishedOn?: IsoDate;
      /** 政策解读 alongside (art. 53). */
      readonly interpretation?: { readonly plannedOn?: IsoDate; readonly publishedOn?: IsoDate };
    }
  | {
      readonly public: false;
      readonly reason?: NonPublicReason;
      /** The legal basis in words; required for "other". */
      readonly basis?: string;
    };

/** 备案 of a normative document with 区人大常委会 and the city's legal office (art. 19). */
export interface FilingRecord {
  readonly congressFiledOn?: IsoDate;
  readonly cityLegalOfficeFiledOn?: IsoDate;
  readonly taskId?: TaskId;
}

/** Where an outgoing document came from: a meeting decision sets its art. 53 deadline. */
export interface MeetingOrigin {
  readonly meetingId?: MeetingId;
  /** Day the meeting ended. */
  readonly meetingDate: IsoDate;
  /** 有重大修改意见需要协调 → 7 working days instead of 5. */
  readonly majorRevisions?: boolean;
  /** 有明确上报时限的按时限上报. */
  readonly explicitDeadline?: IsoDate;
}

export interface OutgoingDocument {
  readonly id: DocumentId;
  readonly direction: 'outgoing';
  readonly title: string;
  readonly kind: DocumentKind;
  readonly issuer: Issuer;
  /** 上行/平行/下行, stored (suggested from kind + recipient level). */
  readonly flow: DocumentDirection;
  readonly recipientLevel?: RecipientLevel;
  /** The unit drafting it (主办/牵头起草单位); its 分管副区长 is the responsible deputy unless named. */
  readonly draftingUnitId?: UnitId;
  /** The deputy whose 分工 covers the content, when not the drafting unit's. */
  readonly responsibleDeputyId?: PersonId;
  readonly reservedContent?: ReservedContent;
  readonly escalation?: Escalation;
  readonly classification?: ClassificationMark;
  readonly urgency?: Urgency;
  readonly normative?: boolean;
  readonly legalityReview?: DocumentLegalityReview;
  readonly necessity?: NecessityAnswers;
  readonly origin?: MeetingOrigin;
  readonly reviews?: readonly DocumentReview[];
  /** 会签 by the units consulted while drafting; the leaders' 会签 of art. 52 are signatures with role "countersign". */
  readonly countersignatures?: readonly DocumentCountersignature[];
  readonly signatures?: readonly DocumentSignature[];
  /** For a 副区长 signing a joint document with a peer: when the 区长 was told first (art. 52). */
  readonly reportedToHeadOn?: IsoDate;
  readonly documentNumber?: string;
  readonly print?: PrintRecord;
  readonly seal?: SealRecord;
  readonly publication?: DocumentPublication;
  readonly filing?: FilingRecord;
}

// ---------------------------------------------------------------------------------------------------------
// Incoming.

export type Addressee = { readonly kind: 'government' } | { readonly kind: 'leader'; readonly personId: PersonId };

export interface SideGrounds {
  readonly unitId: UnitId;
  readonly grounds: string;
}

/** A 请示 touching other departments' powers (art. 49). */
export interface CrossDepartmentRequest {
  /** The other departments whose powers it touches. */
  readonly concernedUnitIds: readonly UnitId[];
  /** The lead department head's signature. */
  readonly leadSignature?: { readonly personId: PersonId; readonly date: IsoDate };
  readonly countersignatures: readonly DocumentCountersignature[];
  readonly disagreement?: {
    readonly sides: readonly SideGrounds[];
    readonly recommendation?: string;
  };
}

export interface HandlingProposal {
  readonly text: string;
  readonly byId: PersonId;
  readonly date: IsoDate;
}

export interface RoutingRecord {
  readonly leaderId: PersonId;
  /** The leader it would go to when someone acts for them (art. 9). */
  readonly actingForId?: PersonId;
  readonly date: IsoDate;
}

export interface LeaderInstruction {
  readonly leaderId: PersonId;
  readonly date: IsoDate;
  readonly text: string;
}

export interface CirculationEntry {
  readonly personId: PersonId;
  readonly sentOn: IsoDate;
  readonly readOn?: IsoDate;
}

export interface DocumentAssignment {
  readonly unitId: UnitId;
  readonly due: IsoDate;
  readonly assignedOn: IsoDate;
  readonly doneOn?: IsoDate;
}

export interface IncomingDocument {
  readonly id: DocumentId;
  readonly direction: 'incoming';
  readonly title: string;
  readonly kind: DocumentKind;
  readonly fromUnitId: UnitId;
  /** 来文字号 */
  readonly senderNumber?: string;
  readonly addressedTo: Addressee;
  /** 区政府领导同志交办事项 (art. 49). */
  readonly assignedByLeader?: boolean;
  readonly classification?: ClassificationMark;
  readonly urgency?: Urgency;
  readonly registeredOn: IsoDate;
  readonly crossDepartment?: CrossDepartmentRequest;
  readonly proposal?: HandlingProposal;
  readonly routing?: RoutingRecord;
  readonly instructions?: readonly LeaderInstruction[];
  readonly circulation?: readonly CirculationEntry[];
  readonly assignments?: readonly DocumentAssignment[];
  readonly completedOn?: IsoDate;
  readonly archivedOn?: IsoDate;
}

export type OfficialDocument = OutgoingDocument | IncomingDocument;

// ---------------------------------------------------------------------------------------------------------
// Small derived facts.

/** "机密★10年", "绝密", "秘密★6个月" style marks; we keep whole years (GB/T 9704-2012 7.2.2). */
export function classificationLabel(mark: ClassificationMark): string {
  const level = CLASSIFICATION_LABELS[mark.level];
  return mark.years === undefined ? level : `${level}★${mark.years}年`;
}

/**
 * The direction a kind and recipient suggest. 请示/报告/议案 always go up, 批复 always goes down, 函 is the
 * parallel kind; the rest follow the recipient (a 通知 to a peer body is parallel).
 */
export function suggestedDirection(kind: DocumentKind, recipient: RecipientLevel): DocumentDirection {
  switch (kind) {
    case 'request':
    case 'report':
    case 'bill':
      return 'upward';
    case 'reply':
      return 'downward';
    case 'letter':
      return 'parallel';
    case 'resolution':
    case 'decision':
    case 'order':
    case 'communique':
    case 'announcement':
    case 'publicNotice':
    case 'opinion':
    case 'notice':
    case 'bulletin':
    case 'minutes':
      return directionOfRecipient(recipient);
    default:
      return unhandledDocumentCase(kind);
  }
}

function directionOfRecipient(recipient: RecipientLevel): DocumentDirection {
  switch (recipient) {
    case 'superior':
      return 'upward';
    case 'peer':
      return 'parallel';
    case 'subordinate':
    case 'public':
      return 'downward';
    default:
      return unhandledDocumentCase(recipient);
  }
}

/** The art. 51 reserved content of a document: recorded, or implied by the kind (命令, 议案). */
export function reservedContentOf(doc: OutgoingDocument): ReservedContent | undefined {
  if (doc.reservedContent !== undefined) return doc.reservedContent;
  if (doc.kind === 'order') return 'order';
  if (doc.kind === 'bill') return 'bill';
  return undefined;
}

export function unhandledDocumentCase(x: never): never {
  throw new Error(`未处理的情形：${JSON.stringify(x)}`);
}
