/** Input data of the engine: plain structured documents, no layout decisions. */

/** The 15 kinds of 公文 (《党政机关公文处理工作条例》第八条). */
export type DocKind =
  | 'jueyi' // 决议
  | 'jueding' // 决定
  | 'mingling' // 命令（令）
  | 'gongbao' // 公报
  | 'gonggao' // 公告
  | 'tonggao' // 通告
  | 'yijian' // 意见
  | 'tongzhi' // 通知
  | 'tongbao' // 通报
  | 'baogao' // 报告
  | 'qingshi' // 请示
  | 'pifu' // 批复
  | 'yian' // 议案
  | 'han' // 函
  | 'jiyao'; // 纪要

export const DOC_KIND_LABEL: Readonly<Record<DocKind, string>> = {
  jueyi: '决议',
  jueding: '决定',
  mingling: '命令（令）',
  gongbao: '公报',
  gonggao: '公告',
  tonggao: '通告',
  yijian: '意见',
  tongzhi: '通知',
  tongbao: '通报',
  baogao: '报告',
  qingshi: '请示',
  pifu: '批复',
  yian: '议案',
  han: '函',
  jiyao: '纪要',
};

/** 下行文 / 平行文 / 上行文: 上行文 carries 签发人 beside the 发文字号 (7.2.6). */
export type Direction = 'down' | 'parallel' | 'up';

/** The standard's special formats (10.1–10.3) besides the general one. */
export type DocFormat = 'standard' | 'letter' | 'order' | 'minutes';

export type SecretLevel = '秘密' | '机密' | '绝密';
export type Urgency = '特急' | '加急' | '特提' | '平急';

export interface Classification {
  readonly level: SecretLevel;
  /** 保密期限, e.g. "1年"; Arabic numerals. */
  readonly term?: string;
}

/** 0 = ordinary paragraph; 1 一、 黑体; 2 （一） 楷体; 3 1. 仿宋; 4 （1） 仿宋. */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

export interface Paragraph {
  readonly level?: HeadingLevel;
  /** For levels 1–4: the heading itself ("一、总体要求"); `text` may continue in 仿宋 on the same paragraph. */
  readonly heading?: string;
  readonly text?: string;
}

export interface Attachment {
  readonly title: string;
  /** Body of the attachment, printed on its own pages after the main text. Absent: listed in 附件说明 only. */
  readonly body?: readonly Paragraph[];
}

export interface DocNumber {
  /** 机关代字, e.g. "示政办发". */
  readonly prefix: string;
  readonly year: number;
  readonly serial: number;
}

export type Seal =
  | { readonly kind: 'png'; readonly bytes: Uint8Array }
  /** A generated vector seal marked "示例": for sample data only. */
  | { readonly kind: 'sample'; readonly organ: string };

export interface AttendanceLists {
  readonly present: readonly string[];
  readonly absent?: readonly string[];
  readonly attending?: readonly string[];
}

export interface OfficialDocument {
  readonly kind: DocKind;
  /** Defaults: 请示 and 报告 go up, 函 and 议案 parallel, everything else down. */
  readonly direction?: Direction;
  /** Defaults: 函 → letter, 命令 → order, 纪要 → minutes, else standard. */
  readonly format?: DocFormat;
  /** 份号 (1 → "000001"). */
  readonly copyNumber?: number;
  readonly classification?: Classification;
  readonly urgency?: Urgency;
  /** 发文机关 (full name), e.g. "示例区人民政府办公室". */
  readonly organ: string;
  /** Adds "文件" to the mark (下行文 of the standard format). */
  readonly withWenjian?: boolean;
  /** Mark text override, e.g. "示例区人民政府常务会议纪要" for minutes. */
  readonly markText?: string;
  readonly docNumber?: DocNumber;
  /** 纪要 number line, e.g. "第3期"; falls back to the 发文字号. */
  readonly issueLabel?: string;
  /** 签发人 (上行文). */
  readonly signers?: readonly string[];
  readonly title: string;
  readonly mainRecipients?: readonly string[];
  readonly body: readonly Paragraph[];
  readonly attachments?: readonly Attachment[];
  /** 发文机关署名; defaults to `organ`. Empty string: no signature (纪要). */
  readonly signature?: string;
  /** 成文日期 "YYYY-MM-DD". */
  readonly date: string;
  readonly seal?: Seal;
  /** 附注, without the parentheses. */
  readonly note?: string;
  /** 纪要: 出席/请假/列席. */
  readonly attendance?: AttendanceLists;
  readonly cc?: readonly string[];
  /** 印发机关; defaults to `organ`. */
  readonly printingOrgan?: string;
  /** 印发日期 "YYYY-MM-DD"; defaults to `date`. */
  readonly printDate?: string;
  /** Put the 版记 on an even page (the back of the last sheet), as for duplex printing. Default true. */
  readonly banjiOnEvenPage?: boolean;
}

export interface Watermark {
  /** e.g. "张三 2026-03-05 14:20". */
  readonly text: string;
}

export interface RenderOptions {
  readonly watermark?: Watermark;
  /** Written to the PDF's creation and modification dates; absent for reproducible output. */
  readonly createdAt?: Date;
}

/** 2026-03-05 → 2026年3月5日 (7.3.5.4: Arabic numerals, no zero padding). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日期格式不正确：“${iso}”，应为 YYYY-MM-DD，例如 2026-03-05`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 〔2026〕12号 with 六角括号 (7.2.5). */
export function formatDocNumber(n: DocNumber): string {
  return `${n.prefix}〔${n.year}〕${n.serial}号`;
}

export function defaultDirection(kind: DocKind): Direction {
  switch (kind) {
    case 'qingshi':
    case 'baogao':
      return 'up';
    case 'han':
    case 'yian':
      return 'parallel';
    case 'jueyi':
    case 'jueding':
    case 'mingling':
    case 'gongbao':
    case 'gonggao':
    case 'tonggao':
    case 'yijian':
    case 'tongzhi':
    case 'tongbao':
    case 'pifu':
    case 'jiyao':
      return 'down';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export function defaultFormat(kind: DocKind): DocFormat {
  switch (kind) {
    case 'han':
      return 'letter';
    case 'mingling':
      return 'order';
    case 'jiyao':
      return 'minutes';
    default:
      return 'standard';
  }
}
