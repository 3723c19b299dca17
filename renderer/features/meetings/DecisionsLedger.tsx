/**
 * 决定事项督办台账 (#/meetings/decisions): every decision item across meetings in one virtualized, sortable
 * table with filters, and 导出 Excel of exactly the rows shown. It lives under 会议 (not a new section): the
 * items come from meetings and each row leads back into its meeting's 决定事项 tab.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { App, Button, Input, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import type { PersonId, UnitId } from '../../../shared/domain/ids';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '../../../shared/domain/meeting';
import { DECISION_STATUS_LABELS, type DecisionStatus } from '../../../shared/domain/meetings/decisions';
import { pinyinInitials } from '../../data/pinyin';
import { useBridge } from '../../platform';
import { EmptyState, PageHeading } from '../../ui';
import { VirtualTable } from '../../ui/VirtualTable';
import { exportXlsx } from '../../ui/xlsx';
import { pinyinFilter, STATUS_COLOURS } from './DecisionsTab';
import {
  filterLedger,
  ledgerOptions,
  ledgerRows,
  ledgerSheet,
  memoInitials,
  monthLabel,
  sortLedger,
  type LedgerRow,
  type LedgerSortKey,
} from './ledger-model';
import { useMeetingsUi } from './use-meetings';
import './aftermath.css';

const STATUSES: readonly DecisionStatus[] = ['open', 'overdue', 'closed'];
const initials = memoInitials(pinyinInitials);

const SORT_LABELS: Readonly<Record<LedgerSortKey, string>> = {
  meetingDate: '会议日期',
  text: '决定事项',
  ownerUnit: '承办单位',
  leader: '责任领导',
  dueDate: '完成时限',
  status: '状态',
};

export function DecisionsLedger() {
  const navigate = useNavigate();
  const bridge = useBridge();
  const { message } = App.useApp();
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const [exporting, setExporting] = useState(false);
  const registry = useMeetingsUi((s) => s.registry);
  const meetings = useMeetingsUi((s) => s.meetings);
  const filters = useMeetingsUi((s) => s.ledgerFilters);
  const sort = useMeetingsUi((s) => s.ledgerSort);
  const setFilters = useMeetingsUi((s) => s.setLedgerFilters);
  const setSort = useMeetingsUi((s) => s.setLedgerSort);
  const all = useMemo(() => ledgerRows(meetings, registry, today, initials), [meetings, registry, today]);
  const options = useMemo(() => ledgerOptions(all), [all]);
  const rows = useMemo(() => sortLedger(filterLedger(all, filters), sort), [all, filters, sort]);

  const doExport = async () => {
    setExporting(true);
    try {
      const sheet = ledgerSheet(rows);
      const out = await exportXlsx(bridge, {
        fileName: `决定事项督办台账-${today}`,
        sheetName: '决定事项督办台账',
        columns: sheet.columns,
        rows: sheet.rows,
      });
      if (out.saved)
        void message.success(`已导出 ${rows.length} 项${out.displayPath ? `：${out.displayPath}` : ''}`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '导出 Excel 失败，请重试。');
    } finally {
      setExporting(false);
    }
  };

  const back = <Button onClick={() => navigate('/meetings')}>返回会议列表</Button>;
  return (
    <>
      <PageHeading
        title="决定事项督办台账"
        intro="各次会议纪要明确的决定事项，跟踪督办、逐一落实（第二十九条、第四十七条）。"
        extra={back}
      />
      {all.length === 0 ? (
        <EmptyState title="还没有决定事项">
          会议纪要签发后，在会议的“决定事项”页据纪要的议定事项登记，登记后即列入本台账。
        </EmptyState>
      ) : (
        <>
          <div className="hw-af-toolbar" role="search" aria-label="筛选决定事项">
            <Input.Search
              aria-label="搜索决定事项"
              placeholder="事项、会议、单位或领导（可用拼音首字母）"
              allowClear
              className="hw-af-select"
              value={filters.text}
              onChange={(e) => setFilters({ ...filters, text: e.target.value })}
            />
            <Select<MeetingKind>
              aria-label="按会议类型筛选"
              className="hw-af-filter"
              placeholder="全部会议类型"
              allowClear
              value={filters.kind}
              onChange={(kind) => setFilters({ ...filters, kind })}
              options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            />
            <Select<UnitId>
              aria-label="按承办单位筛选"
              className="hw-af-filter"
              placeholder="全部承办单位"
              allowClear
              showSearch={{ filterOption: pinyinFilter }}
              value={filters.ownerUnitId}
              onChange={(ownerUnitId) => setFilters({ ...filters, ownerUnitId })}
              options={[...options.units]}
            />
            <Select<PersonId>
              aria-label="按责任领导筛选"
              className="hw-af-filter"
              placeholder="全部责任领导"
              allowClear
              showSearch={{ filterOption: pinyinFilter }}
              value={filters.leaderId}
              onChange={(leaderId) => setFilters({ ...filters, leaderId })}
              options={[...options.leaders]}
            />
            <Select<DecisionStatus>
              aria-label="按状态筛选"
              className="hw-af-filter"
              placeholder="全部状态"
              allowClear
              value={filters.status}
              onChange={(status) => setFilters({ ...filters, status })}
              options={STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))}
            />
            <Select<string>
              aria-label="按完成时限月份筛选"
              className="hw-af-filter"
              placeholder="全部到期月份"
              allowClear
              value={filters.dueMonth}
              onChange={(dueMonth) => setFilters({ ...filters, dueMonth })}
              options={options.months.map((m) => ({ value: m, label: `${monthLabel(m)}到期` }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={rows.length === 0}
              onClick={() => void doExport()}
            >
              导出 Excel
            </Button>
          </div>
          {rows.length === 0 ? (
            <EmptyState title="没有符合条件的决定事项">请调整或清除上方的筛选条件。</EmptyState>
          ) : (
            <LedgerTable
              rows={rows}
              sortBy={sort.by}
              desc={sort.desc}
              onSort={(by) => setSort({ by, desc: sort.by === by ? !sort.desc : false })}
            />
          )}
        </>
      )}
    </>
  );
}

function LedgerTable({
  rows,
  sortBy,
  desc,
  onSort,
}: {
  rows: readonly LedgerRow[];
  sortBy: LedgerSortKey;
  desc: boolean;
  onSort: (by: LedgerSortKey) => void;
}) {
  const columns = useMemo<ColumnDef<LedgerRow>[]>(
    () => [
      {
        id: 'meetingDate',
        header: SORT_LABELS.meetingDate,
        accessorFn: (r) => r.meetingDate,
        cell: ({ row }) => row.original.meetingDate,
        meta: { className: 'hw-af-col-date' },
      },
      {
        id: 'kind',
        header: '会议类型',
        cell: ({ row }) => MEETING_KIND_LABELS[row.original.meetingKind],
        enableSorting: false,
        meta: { className: 'hw-af-col-kind' },
      },
      {
        id: 'text',
        header: SORT_LABELS.text,
        accessorFn: (r) => r.text,
        cell: ({ row: { original: r } }) => (
          <Link to={`/meetings/${r.meetingId}?tab=decisions`} title={`${r.meetingTitle}：${r.text}`}>
            {r.text}
          </Link>
        ),
      },
      {
        id: 'ownerUnit',
        header: SORT_LABELS.ownerUnit,
        accessorFn: (r) => r.ownerUnit,
        cell: ({ row }) => row.original.ownerUnit || '—',
        meta: { className: 'hw-af-col-unit' },
      },
      {
        id: 'leader',
        header: SORT_LABELS.leader,
        accessorFn: (r) => r.leader,
        cell: ({ row }) => row.original.leader || '—',
        meta: { className: 'hw-af-col-leader' },
      },
      {
        id: 'dueDate',
        header: SORT_LABELS.dueDate,
        accessorFn: (r) => r.dueDate ?? '',
        cell: ({ row }) => row.original.dueDate ?? '—',
        meta: { className: 'hw-af-col-date' },
      },
      {
        id: 'status',
        header: SORT_LABELS.status,
        accessorFn: (r) => r.status,
        cell: ({ row }) => (
          <Tag color={STATUS_COLOURS[row.original.status]}>{DECISION_STATUS_LABELS[row.original.status]}</Tag>
        ),
        meta: { className: 'hw-af-col-state' },
      },
    ],
    [],
  );
  // The order is the store's (sortLedger, already applied to rows): tanstack only shows it (manualSorting);
  // the accessors exist because tanstack only offers sorting on columns that have one.
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used only in this render, never memoized.
  const table = useReactTable({
    data: rows as LedgerRow[],
    columns,
    state: { sorting: [{ id: sortBy, desc }] },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.key,
  });
  return (
    <VirtualTable
      table={table}
      caption="决定事项督办台账"
      regionLabel={`决定事项台账（共 ${rows.length} 项）`}
      testId="ledger-table"
      onSort={(id) => {
        if (isLedgerSortKey(id)) onSort(id);
      }}
    />
  );
}

function isLedgerSortKey(id: string): id is LedgerSortKey {
  return Object.hasOwn(SORT_LABELS, id);
}
