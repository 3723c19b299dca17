/**
 * The meetings list: its columns on the shared virtualized ui/VirtualTable, so ten years of meetings stay
 * quick (only the rows in view are in the DOM).
 */
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, type Meeting } from '../../../shared/domain/meeting';
import { personName, type Registry } from '../../../shared/domain/registry';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { VirtualTable } from '../../ui/VirtualTable';
import { minutesBadge, topicCount, type MinutesBadge } from './model';

export function MinutesBadgeTag({ badge }: { badge: MinutesBadge }) {
  switch (badge.kind) {
    case 'none':
      return null;
    case 'due':
      return <Tag color="gold">纪要 {badge.due} 前起草</Tag>;
    case 'overdue':
      return <Tag color="red">纪要已逾期（应于 {badge.due} 前）</Tag>;
    case 'unknown':
      return (
        <Tag color="default" title={badge.reason}>
          纪要期限无法计算
        </Tag>
      );
    default: {
      const never: never = badge;
      return never;
    }
  }
}

export function MeetingsTable({
  rows,
  registry,
  calendar,
  today,
}: {
  rows: readonly Meeting[];
  registry: Registry;
  calendar: WorkingDays;
  today: IsoDate;
}) {
  const columns = useMemo<ColumnDef<Meeting>[]>(
    () => [
      {
        id: 'date',
        header: '日期',
        cell: ({ row: { original: m } }) => `${m.date}${m.time ? ` ${m.time}` : ''}`,
        meta: { className: 'hw-mt-col-date' },
      },
      {
        id: 'kind',
        header: '类型',
        cell: ({ row }) => MEETING_KIND_LABELS[row.original.kind],
        meta: { className: 'hw-mt-col-kind' },
      },
      {
        id: 'title',
        header: '会议名称',
        cell: ({ row }) => <Link to={`/meetings/${row.original.id}`}>{row.original.title}</Link>,
      },
      {
        id: 'chair',
        header: '主持人',
        cell: ({ row }) => personName(registry, row.original.chairId),
        meta: { className: 'hw-mt-col-chair' },
      },
      {
        id: 'state',
        header: '状态',
        cell: ({ row }) => <Tag>{MEETING_STATE_LABELS[row.original.state]}</Tag>,
        meta: { className: 'hw-mt-col-state' },
      },
      {
        id: 'topics',
        header: '议题',
        cell: ({ row }) => topicCount(row.original),
        meta: { className: 'hw-mt-col-topics' },
      },
      {
        id: 'minutes',
        header: '纪要',
        cell: ({ row }) => <MinutesBadgeTag badge={minutesBadge(row.original, calendar, today)} />,
        meta: { className: 'hw-mt-col-minutes' },
      },
    ],
    [registry, calendar, today],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used only in this render, never memoized.
  const table = useReactTable({
    data: rows as Meeting[],
    columns,
    enableSorting: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => m.id,
  });
  return (
    <VirtualTable
      table={table}
      caption="会议列表"
      regionLabel={`会议列表（共 ${rows.length} 个）`}
      testId="meetings-table"
      maxHeight={480}
    />
  );
}
