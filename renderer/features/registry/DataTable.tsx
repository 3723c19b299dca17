/**
 * A sortable, virtualized table (@tanstack/react-table + react-virtual): only the rows in view are in the
 * DOM, so lists of thousands stay quick. Headers are buttons (keyboard sortable, aria-sort announced); the
 * scroll area is focusable so arrow keys scroll it.
 */
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';

export interface Column<T> {
  readonly id: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** Value to sort by; columns without one are not sortable. */
  readonly sortValue?: (row: T) => string | number;
  readonly width?: number;
}

const ROW_HEIGHT = 44;
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

export function DataTable<T extends { readonly id: string }>({
  rows,
  columns,
  label,
  emptyText,
  maxHeight = 420,
  testId,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Accessible name of the table, e.g. "人员列表". */
  label: string;
  emptyText: string;
  maxHeight?: number;
  testId?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: c.sortValue ?? (() => ''),
        enableSorting: c.sortValue !== undefined,
        // Every column cycles 升序 → 降序 → 原顺序, numbers included (tanstack starts numbers descending).
        sortDescFirst: false,
        sortingFn: (a, b, id) => {
          const x = a.getValue<string | number>(id);
          const y = b.getValue<string | number>(id);
          return typeof x === 'number' && typeof y === 'number'
            ? x - y
            : collator.compare(String(x), String(y));
        },
        cell: (info) => c.cell(info.row.original),
        size: c.width ?? 150,
      })),
    [columns],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used only in this render, never memoized.
  const table = useReactTable({
    data: rows as T[],
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
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
      className="hw-table-scroll"
      style={{ maxHeight }}
      tabIndex={0}
      role="region"
      aria-label={`${label}（共 ${rows.length} 条）`}
      data-testid={testId}
    >
      <table className="hw-table" aria-rowcount={rows.length + 1}>
        <caption className="hw-visually-hidden">{label}</caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    style={{ width: h.getSize() }}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <button type="button" className="hw-sort" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {model.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="hw-table-empty">
                {emptyText}
              </td>
            </tr>
          ) : null}
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = model[v.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                data-index={v.index}
                aria-rowindex={v.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
