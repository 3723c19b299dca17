import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VirtualTable } from './VirtualTable';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}

const columns: ColumnDef<Row>[] = [
  { id: 'name', header: '姓名', accessorFn: (r) => r.name, meta: { className: 'hw-test-col' } },
  { id: 'count', header: '数量', accessorFn: (r) => r.count, meta: { width: 90 } },
  { id: 'note', header: '备注', cell: () => '—' },
];

function Harness({
  rows,
  sorting,
  emptyText,
}: {
  rows: readonly Row[];
  sorting: SortingState;
  emptyText?: string;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- a one-off render in a test.
  const table = useReactTable({
    data: rows as Row[],
    columns,
    state: { sorting },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  return (
    <VirtualTable
      table={table}
      caption="测试列表"
      regionLabel={`测试列表（共 ${rows.length} 条）`}
      testId="test-table"
      maxHeight={300}
      emptyText={emptyText}
    />
  );
}

const render = (rows: readonly Row[], sorting: SortingState = [], emptyText?: string) =>
  renderToStaticMarkup(<Harness rows={rows} sorting={sorting} emptyText={emptyText} />);

describe('VirtualTable', () => {
  it('names the focusable scroll region, captions the table and counts the rows', () => {
    const html = render([
      { id: 'a', name: '王明', count: 2 },
      { id: 'b', name: '赵志远', count: 5 },
    ]);
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('aria-label="测试列表（共 2 条）"');
    expect(html).toContain('data-testid="test-table"');
    expect(html).toContain('max-height:300px');
    expect(html).toContain('<caption class="hw-vt-caption">测试列表</caption>');
    expect(html).toContain('aria-rowcount="3"');
  });

  it('makes sortable headers buttons with aria-sort, and leaves the others plain', () => {
    const html = render([{ id: 'a', name: '王明', count: 2 }], [{ id: 'count', desc: true }]);
    expect(html).toMatch(/<th scope="col" class="hw-test-col"><button type="button" class="hw-vt-sort">姓名/);
    expect(html).toMatch(
      /<th scope="col" style="width:90px" aria-sort="descending"><button[^>]*>数量<span aria-hidden="true"> ▼/,
    );
    expect(html).toContain('<th scope="col">备注</th>');
  });

  it('shows the empty text in one row spanning every column', () => {
    expect(render([], [], '没有数据。')).toContain('<td colSpan="3" class="hw-vt-empty">没有数据。</td>');
    expect(render([])).not.toContain('hw-vt-empty');
  });
});
