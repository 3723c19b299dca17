/**
 * A sortable table over plain column descriptions: the sorting (升序 → 降序 → 原顺序, Chinese collation) lives
 * here, the virtualized markup in the shared ui/VirtualTable.
 */
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { VirtualTable } from '../../ui/VirtualTable';

export interface Column<T> {
  readonly id: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** Value to sort by; columns without one are not sortable. */
  readonly sortValue?: (row: T) => string | number;
  readonly width?: number;
}

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
        meta: { width: c.width ?? 150 },
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
  return (
    <VirtualTable
      table={table}
      caption={label}
      regionLabel={`${label}（共 ${rows.length} 条）`}
      testId={testId}
      maxHeight={maxHeight}
      emptyText={emptyText}
    />
  );
}
