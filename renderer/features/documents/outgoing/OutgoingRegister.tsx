/**
 * 发文登记簿: every outgoing document, filterable by year, kind, issuer, 密级 and state, sortable by column, as a
 * virtualized table (only the rows in view are in the DOM, so ten years stay quick), exportable to Excel as
 * filtered; plus the small settings card for the 文号 patterns.
 */
import { PlusOutlined } from '@ant-design/icons';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { App, Button, Card, Collapse, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  ISSUER_KIND_LABELS,
  OUTGOING_STATES,
  OUTGOING_STATE_LABELS,
  outgoingStateOf,
  registerYear,
  type Classification,
  type DocumentKind,
  type IssuerKind,
  type OutgoingRecord,
  type OutgoingSettings,
  type OutgoingState,
} from '../../../../shared/domain/documents';
import { usePlatform } from '../../../platform';
import { EmptyState } from '../../../ui';
import { VirtualTable } from '../../../ui/VirtualTable';
import { exportXlsx } from '../../../ui/xlsx';
import { classificationText, filterOutgoing, registerColumns, sortOutgoing, type SortKey } from './model';
import { storeMessage, useOutgoingUi } from './use-outgoing';

const ISSUER_KINDS = Object.keys(ISSUER_KIND_LABELS) as IssuerKind[];

/** Columns the register can be ordered by (the store's sortOutgoing); the others are not sortable. */
const SORT_KEYS: Partial<Record<string, SortKey>> = {
  number: 'number',
  title: 'title',
  kind: 'kind',
  createdOn: 'createdOn',
  state: 'state',
};

function RegisterTable({ rows }: { rows: readonly OutgoingRecord[] }) {
  const sort = useOutgoingUi((s) => s.sort);
  const setSort = useOutgoingUi((s) => s.setSort);
  const columns = useMemo<ColumnDef<OutgoingRecord>[]>(
    () => [
      {
        id: 'number',
        header: '文号',
        accessorFn: (r) => r.doc.documentNumber ?? '',
        cell: ({ row }) => row.original.doc.documentNumber ?? '（未编号）',
        meta: { className: 'hw-og-col-number' },
      },
      {
        id: 'title',
        header: '标题',
        accessorFn: (r) => r.doc.title,
        cell: ({ row }) => (
          <Link to={`/documents/outgoing/${row.original.doc.id}`}>{row.original.doc.title}</Link>
        ),
      },
      {
        id: 'kind',
        header: '文种',
        accessorFn: (r) => r.doc.kind,
        cell: ({ row }) => DOCUMENT_KIND_LABELS[row.original.doc.kind],
        meta: { className: 'hw-og-col-kind' },
      },
      {
        id: 'issuer',
        header: '发文机关',
        cell: ({ row }) => ISSUER_KIND_LABELS[row.original.doc.issuer.kind],
        enableSorting: false,
        meta: { className: 'hw-og-col-issuer' },
      },
      {
        id: 'secret',
        header: '密级',
        cell: ({ row }) =>
          row.original.doc.classification ? <Tag color="red">{classificationText(row.original)}</Tag> : '',
        enableSorting: false,
        meta: { className: 'hw-og-col-secret' },
      },
      {
        id: 'createdOn',
        header: '拟稿日期',
        accessorFn: (r) => r.createdOn,
        cell: ({ row }) => row.original.createdOn,
        meta: { className: 'hw-og-col-date' },
      },
      {
        id: 'state',
        header: '状态',
        accessorFn: (r) => outgoingStateOf(r),
        cell: ({ row }) => <Tag>{OUTGOING_STATE_LABELS[outgoingStateOf(row.original)]}</Tag>,
        meta: { className: 'hw-og-col-state' },
      },
    ],
    [],
  );
  const sortedColumn = Object.keys(SORT_KEYS).find((id) => SORT_KEYS[id] === sort.key);
  // The order is the store's (sortOutgoing, already applied to rows): tanstack only shows it (manualSorting);
  // the accessors exist because tanstack only offers sorting on columns that have one.
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used only in this render, never memoized.
  const table = useReactTable({
    data: rows as OutgoingRecord[],
    columns,
    state: { sorting: sortedColumn === undefined ? [] : [{ id: sortedColumn, desc: sort.desc }] },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.doc.id,
  });
  return (
    <VirtualTable
      table={table}
      caption="发文登记簿"
      regionLabel={`发文登记簿（共 ${rows.length} 件）`}
      testId="outgoing-table"
      onSort={(id) => {
        const key = SORT_KEYS[id];
        if (key !== undefined) setSort(key);
      }}
    />
  );
}

function SettingsCard() {
  const { message } = App.useApp();
  const settings = useOutgoingUi((s) => s.settings);
  const save = useOutgoingUi((s) => s.saveSettings);
  const [form] = Form.useForm<OutgoingSettings>();
  return (
    <Collapse
      className="hw-og-steps"
      items={[
        {
          key: 'settings',
          label: '发文设置（文号格式、备案期限）',
          children: (
            <Card size="small" variant="borderless">
              <Form
                form={form}
                layout="vertical"
                initialValues={settings}
                onFinish={async (values) => {
                  try {
                    await save({
                      ...settings,
                      ...values,
                      numberPatterns: { ...settings.numberPatterns, ...values.numberPatterns },
                    });
                    void message.success('发文设置已保存。');
                  } catch (e) {
                    void message.error(storeMessage(e));
                  }
                }}
              >
                {ISSUER_KINDS.map((k) => (
                  <Form.Item
                    key={k}
                    name={['numberPatterns', k]}
                    label={`${ISSUER_KIND_LABELS[k]}文号格式`}
                    extra="{year} 为年份，{n} 为序号"
                    rules={[
                      {
                        validator: (_, v: string | undefined) =>
                          v !== undefined && v.includes('{year}') && v.includes('{n}')
                            ? Promise.resolve()
                            : Promise.reject(
                                new Error('文号格式须包含 {year} 和 {n}，如 崆政发〔{year}〕{n}号'),
                              ),
                      },
                    ]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                ))}
                <Form.Item
                  name="filingPeriodDays"
                  label="规范性文件备案期限（发布后天数，第十九条）"
                  rules={[{ required: true, message: '请填写备案期限' }]}
                >
                  <InputNumber min={1} max={365} />
                </Form.Item>
                <Button htmlType="submit">保存设置</Button>
              </Form>
            </Card>
          ),
        },
      ]}
    />
  );
}

export function OutgoingRegister() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { bridge } = usePlatform();
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const registry = useOutgoingUi((s) => s.registry);
  const records = useOutgoingUi((s) => s.records);
  const filters = useOutgoingUi((s) => s.filters);
  const sort = useOutgoingUi((s) => s.sort);
  const setFilters = useOutgoingUi((s) => s.setFilters);
  const visible = useMemo(
    () => sortOutgoing(filterOutgoing(records, filters), sort.key, sort.desc),
    [records, filters, sort],
  );
  const years = useMemo(() => [...new Set(records.map(registerYear))].sort((a, b) => b - a), [records]);
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/documents/outgoing/new')}>
      拟稿
    </Button>
  );
  const exportRows = async () => {
    try {
      const out = await exportXlsx(bridge, {
        fileName: `发文登记簿-${filters.year ?? '全部'}-${today}`,
        sheetName: '发文登记簿',
        columns: registerColumns(registry),
        rows: visible,
      });
      if (out.saved) void message.success(`已导出 ${visible.length} 件发文。`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '导出失败，请重试。');
    }
  };

  if (records.length === 0) {
    return (
      <>
        <EmptyState title="还没有发文" action={newButton}>
          {registry.people.length === 0
            ? '还没有发文。先在“人员与单位”中录入发文单位和签发人，然后点击“拟稿”。'
            : '还没有发文。点击“拟稿”，先回答“是否需要发文”的问题，再起草。'}
        </EmptyState>
        <SettingsCard />
      </>
    );
  }
  return (
    <>
      <div className="hw-og-toolbar" role="search" aria-label="筛选发文">
        {newButton}
        <Select<number>
          className="hw-og-filter"
          aria-label="按年度筛选"
          placeholder="全部年度"
          allowClear
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Select<DocumentKind>
          className="hw-og-filter"
          aria-label="按文种筛选"
          placeholder="全部文种"
          allowClear
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
        />
        <Select<IssuerKind>
          className="hw-og-filter"
          aria-label="按发文机关筛选"
          placeholder="全部发文机关"
          allowClear
          popupMatchSelectWidth={false}
          value={filters.issuer}
          onChange={(issuer) => setFilters({ ...filters, issuer })}
          options={ISSUER_KINDS.map((k) => ({ value: k, label: ISSUER_KIND_LABELS[k] }))}
        />
        <Select<Classification | 'none'>
          className="hw-og-filter"
          aria-label="按密级筛选"
          placeholder="全部密级"
          allowClear
          value={filters.classification}
          onChange={(classification) => setFilters({ ...filters, classification })}
          options={[
            { value: 'none', label: '非涉密' },
            ...CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] })),
          ]}
        />
        <Select<OutgoingState>
          className="hw-og-filter"
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          value={filters.state}
          onChange={(state) => setFilters({ ...filters, state })}
          options={OUTGOING_STATES.map((s) => ({ value: s, label: OUTGOING_STATE_LABELS[s] }))}
        />
        <Button onClick={() => void exportRows()} disabled={visible.length === 0}>
          导出 Excel
        </Button>
      </div>
      {visible.length === 0 ? (
        <EmptyState title="没有符合条件的发文">请调整或清除上方的筛选条件。</EmptyState>
      ) : (
        <RegisterTable rows={visible} />
      )}
      <SettingsCard />
    </>
  );
}
