/**
 * The one virtualized table (@tanstack/react-table + react-virtual) behind every long list: only the rows
 * in view are in the DOM, so ten years of records stay quick. The caller owns the tanstack `Table<T>`
 * (columns, row ids, sorting state); this renders the markup every list shares: a focusable scroll region
 * (arrow keys scroll it) named for screen readers, a hidden caption, sticky headers whose sortable ones are
 * buttons with aria-sort, and padding rows standing in for the rows out of view.
 */
import { flexRender, type RowData, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import './virtual-table.css';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match tanstack's declaration.
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Class on the column's header cell, e.g. a fixed width from the feature's stylesheet. */
    readonly className?: string;
    /** Fixed header width in px (tanstack's own `size` always has a default, so it cannot mean "unset"). */
    readonly width?: number;
  }
}

export const VIRTUAL_ROW_HEIGHT = 44;

export function VirtualTable<T>({
  table,
  caption,
  regionLabel,
  testId,
  maxHeight = 460,
  rowHeight = VIRTUAL_ROW_HEIGHT,
  emptyText,
  onSort,
}: {
  table: Table<T>;
  /** The table's name, e.g. "会议列表" (a hidden caption). */
  caption: string;
  /** Accessible name of the scroll region, usually the caption with the count, e.g. "会议列表（共 3 个）". */
  regionLabel: string;
  testId?: string;
  maxHeight?: number;
  rowHeight?: number;
  /** Shown in one row when there are no rows; without it the body is simply empty. */
  emptyText?: string;
  /** For sorting kept outside tanstack (a store): called with the column id instead of tanstack's toggle. */
  onSort?: (columnId: string) => void;
}) {
  const model = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only in this render, never memoized.
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div
      ref={scrollRef}
      className="hw-vt-scroll"
      style={{ maxHeight }}
      tabIndex={0}
      role="region"
      aria-label={regionLabel}
      data-testid={testId}
    >
      <table className="hw-vt" aria-rowcount={model.length + 1}>
        <caption className="hw-vt-caption">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <th
                    key={h.id}
                    scope="col"
                    className={h.column.columnDef.meta?.className}
                    style={
                      h.column.columnDef.meta?.width !== undefined
                        ? { width: h.column.columnDef.meta.width }
                        : undefined
                    }
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <button
                        type="button"
                        className="hw-vt-sort"
                        onClick={onSort ? () => onSort(h.column.id) : h.column.getToggleSortingHandler()}
                      >
                        {label}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {model.length === 0 && emptyText !== undefined ? (
            <tr>
              <td colSpan={columnCount} className="hw-vt-empty">
                {emptyText}
              </td>
            </tr>
          ) : null}
          {padTop > 0 ? (
            <tr aria-hidden="true" className="hw-vt-pad">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = model[v.index];
            if (!row) return null;
            return (
              <tr key={row.id} data-index={v.index} aria-rowindex={v.index + 2} style={{ height: rowHeight }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="hw-vt-pad">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
