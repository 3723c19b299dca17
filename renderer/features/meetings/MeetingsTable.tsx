/**
 * The meetings list: a virtualized table (@tanstack/react-table + react-virtual), so ten years of meetings
 * stay quick; only the rows in view are in the DOM. The scroll area is focusable for keyboard scrolling.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Tag } from 'antd';
import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, type Meeting } from '../../../shared/domain/meeting';
import { personName, type Registry } from '../../../shared/domain/registry';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { minutesBadge, topicCount, type MinutesBadge } from './model';

const ROW_HEIGHT = 44;

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
        meta: 'hw-mt-col-date',
      },
      {
        id: 'kind',
        header: '类型',
        cell: ({ row }) => MEETING_KIND_LABELS[row.original.kind],
        meta: 'hw-mt-col-kind',
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
        meta: 'hw-mt-col-chair',
      },
      {
        id: 'state',
        header: '状态',
        cell: ({ row }) => <Tag>{MEETING_STATE_LABELS[row.original.state]}</Tag>,
        meta: 'hw-mt-col-state',
      },
      { id: 'topics', header: '议题', cell: ({ row }) => topicCount(row.original), meta: 'hw-mt-col-topics' },
      {
        id: 'minutes',
        header: '纪要',
        cell: ({ row }) => <MinutesBadgeTag badge={minutesBadge(row.original, calendar, today)} />,
        meta: 'hw-mt-col-minutes',
      },
    ],
    [registry, calendar, today],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used only in this render, never memoized.
  const table = useReactTable({
    data: rows as Meeting[],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => m.id,
  });
  const model = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div
      ref={scrollRef}
      className="hw-mt-scroll"
      tabIndex={0}
      role="region"
      aria-label={`会议列表（共 ${rows.length} 个）`}
      data-testid="meetings-table"
    >
      <table className="hw-mt" aria-rowcount={rows.length + 1}>
        <caption className="hw-mt-visually-hidden">会议列表</caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col" className={h.column.columnDef.meta as string | undefined}>
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="hw-mt-pad">
              <td colSpan={columns.length} height={padTop} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = model[v.index];
            if (!row) return null;
            return (
              <tr key={row.id} data-index={v.index} aria-rowindex={v.index + 2}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="hw-mt-pad">
              <td colSpan={columns.length} height={padBottom} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
