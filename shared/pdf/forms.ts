/**
 * Meeting forms that are not 公文: the sign-in sheet (签到表) and the leave slip (请假单). Same page and type
 * area as GB/T 9704 documents so they print on the same paper set-up.
 */
import {
  BLACK,
  LINE_PITCH_MM,
  SIZE,
  TYPE_BOTTOM_MM,
  TYPE_LEFT_MM,
  TYPE_TOP_MM,
  TYPE_WIDTH_MM,
  ptToMm,
} from './geometry';
import { pageNumberOps } from './layout';
import type { Op, PageLayout } from './ops';
import { lineOps, style, widthOf, wrapOps, type Measure, type Run } from './text';

const TITLE = style('xiaobiaosong', SIZE.erhao);
const CELL = style('fangsong', SIZE.sihao);
const HEAD = style('heiti', SIZE.sihao);
const PAD = 1.5;

export interface Column {
  readonly label: string;
  /** Width in mm; the columns together span the type area. */
  readonly width: number;
  readonly align?: 'left' | 'center';
}

interface CellText {
  readonly text: string;
  readonly bold?: boolean;
}

/** Ops of one table row at `top`; returns them and the row height (cells wrap, rows grow). */
function rowOps(
  columns: readonly Column[],
  cells: readonly CellText[],
  top: number,
  minHeight: number,
  measure: Measure,
): { ops: Op[]; height: number } {
  const lineH = ptToMm(SIZE.sihao) * 1.45;
  let x = TYPE_LEFT_MM;
  const laid = columns.map((col, i) => {
    const cell = cells[i] ?? { text: '' };
    const st = cell.bold ? HEAD : CELL;
    const runs: Run[] = [{ text: cell.text, style: st }];
    const inner = col.width - 2 * PAD;
    const lines = cell.text ? wrapOps(runs, { left: x + PAD, width: inner, justify: false }, measure) : [];
    const centred =
      col.align === 'center' && lines.length === 1
        ? lines.map(() => lineOps(runs, x + (col.width - widthOf(runs, measure)) / 2, 0, measure))
        : lines;
    x += col.width;
    return centred;
  });
  const height = Math.max(minHeight, ...laid.map((l) => l.length * lineH + 2 * PAD));
  const ops: Op[] = [];
  laid.forEach((lines) => {
    const block = lines.length * lineH;
    const start = top + (height - block) / 2 + (lineH - ptToMm(SIZE.sihao)) / 2;
    lines.forEach((l, k) => ops.push(...l.map((op) => ({ ...op, top: start + k * lineH }))));
  });
  // Cell borders: the top rule and the vertical rules; the bottom rule belongs to the next row or the end.
  ops.push({
    kind: 'rule',
    x1: TYPE_LEFT_MM,
    y1: top,
    x2: TYPE_LEFT_MM + TYPE_WIDTH_MM,
    y2: top,
    width: 0.3,
    color: BLACK,
  });
  let vx = TYPE_LEFT_MM;
  for (const col of [{ width: 0 }, ...columns]) {
    vx += col.width;
    ops.push({ kind: 'rule', x1: vx, y1: top, x2: vx, y2: top + height, width: 0.3, color: BLACK });
  }
  return { ops, height };
}

export interface TableDoc {
  readonly title: string;
  /** Lines under the title (time, place…). */
  readonly info: readonly string[];
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellText[])[];
  readonly rowHeight: number;
  /** Text under the table (notes). */
  readonly footer?: readonly string[];
}

/** A titled table across as many pages as needed, the header row repeated on each page. */
export function layoutTable(t: TableDoc, measure: Measure): PageLayout[] {
  const pages: Op[][] = [];
  let ops: Op[] = [];
  let y = TYPE_TOP_MM;
  const header = t.columns.map((c) => ({ text: c.label, bold: true }));
  const startPage = (first: boolean): void => {
    ops = [];
    pages.push(ops);
    y = TYPE_TOP_MM;
    if (first) {
      const runs: Run[] = [{ text: t.title, style: TITLE }];
      ops.push(...lineOps(runs, TYPE_LEFT_MM + (TYPE_WIDTH_MM - widthOf(runs, measure)) / 2, y, measure));
      y += LINE_PITCH_MM * 1.5;
      for (const line of t.info) {
        ops.push(...lineOps([{ text: line, style: CELL }], TYPE_LEFT_MM, y, measure));
        y += LINE_PITCH_MM * 0.8;
      }
      y += 2;
    }
    const head = rowOps(t.columns, header, y, 10, measure);
    ops.push(...head.ops);
    y += head.height;
  };
  const closeTable = (): void => {
    ops.push({
      kind: 'rule',
      x1: TYPE_LEFT_MM,
      y1: y,
      x2: TYPE_LEFT_MM + TYPE_WIDTH_MM,
      y2: y,
      width: 0.3,
      color: BLACK,
    });
  };
  startPage(true);
  for (const row of t.rows) {
    const probe = rowOps(t.columns, row, y, t.rowHeight, measure);
    if (y + probe.height > TYPE_BOTTOM_MM) {
      closeTable();
      startPage(false);
    }
    const r = rowOps(t.columns, row, y, t.rowHeight, measure);
    ops.push(...r.ops);
    y += r.height;
  }
  closeTable();
  y += 3;
  for (const line of t.footer ?? []) {
    for (const l of wrapOps(
      [{ text: line, style: CELL }],
      { left: TYPE_LEFT_MM, width: TYPE_WIDTH_MM, justify: false },
      measure,
    )) {
      ops.push(...l.map((op) => ({ ...op, top: y })));
      y += LINE_PITCH_MM * 0.8;
    }
  }
  return pages.map((p, i) => ({ ops: [...p, ...pageNumberOps(i + 1, measure)], pageNumber: i + 1 }));
}

export interface SignInPerson {
  readonly name: string;
  /** 单位及职务. */
  readonly unit: string;
  readonly role: 'present' | 'attending';
}

export interface SignInSheet {
  readonly meetingName: string;
  readonly time: string;
  readonly place: string;
  readonly people: readonly SignInPerson[];
}

/** 签到表: 出席 rows, then 列席 rows, each with an empty signature cell. */
export function signInTable(s: SignInSheet): TableDoc {
  const ordered = [
    ...s.people.filter((p) => p.role === 'present'),
    ...s.people.filter((p) => p.role === 'attending'),
  ];
  return {
    title: `${s.meetingName}签到表`,
    info: [`时间：${s.time}`, `地点：${s.place}`],
    columns: [
      { label: '序号', width: 14, align: 'center' },
      { label: '类别', width: 16, align: 'center' },
      { label: '姓名', width: 26, align: 'center' },
      { label: '单位及职务', width: 60 },
      { label: '签名', width: 40 },
    ],
    rows: ordered.map((p, i) => [
      { text: String(i + 1) },
      { text: p.role === 'present' ? '出席' : '列席' },
      { text: p.name },
      { text: p.unit },
      { text: '' },
    ]),
    rowHeight: 12,
  };
}

export interface LeaveSlip {
  readonly meetingName: string;
  readonly time: string;
  readonly name: string;
  readonly unit: string;
  readonly reason: string;
  /** 代为参会人员, if any. */
  readonly substitute?: string;
  readonly requestDate: string;
}

/** 请假单: a two-column form, signature and approval boxes left blank for ink. */
export function leaveTable(l: LeaveSlip): TableDoc {
  const row = (label: string, value: string): CellText[] => [{ text: label, bold: true }, { text: value }];
  return {
    title: '会议请假单',
    info: [],
    columns: [
      { label: '项目', width: 40, align: 'center' },
      { label: '内容', width: TYPE_WIDTH_MM - 40 },
    ],
    rows: [
      row('会议名称', l.meetingName),
      row('会议时间', l.time),
      row('请假人', l.name),
      row('单位及职务', l.unit),
      row('请假事由', l.reason),
      row('代为参会人员', l.substitute ?? '无'),
      row('申请日期', l.requestDate),
      row('请假人签字', ''),
      row('批准人意见', ''),
    ],
    rowHeight: 14,
    footer: ['注：请假须经会议召集人批准，并于会前交会议组织部门备案。'],
  };
}
