/**
 * 收文登记簿: every incoming document in a virtualized, sortable table, filtered by year, kind, unit, 密级 and
 * state; 导出 Excel writes exactly the filtered rows.
 */
import { App, Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type Classification,
  type DocumentKind,
} from '../../../../shared/domain/documents/model';
import { personName, unitName } from '../../../../shared/domain/registry';
import { INCOMING_STATES, INCOMING_STATE_LABELS, type IncomingRecord, type IncomingState } from '../../../data/incoming-repo';
import { matchesNameQuery, pinyinInitials } from '../../../data/pinyin';
import { useBridge } from '../../../platform';
import { EmptyState } from '../../../ui';
import { exportXlsx } from '../../../ui/xlsx';
import { DataTable, type Column } from '../../registry/DataTable';
import { classificationText, exportFileName, filterRecords, registerColumns, yearsOf } from './model';
import { NumberingSettings } from './NumberingSettings';
import { SubHeading } from './SubHeading';
import { useIncoming } from './use-incoming';

type Row = IncomingRecord & { readonly id: string };

export function IncomingRegister() {
  const navigate = useNavigate();
  const bridge = useBridge();
  const { message } = App.useApp();
  const registry = useIncoming((s) => s.registry);
  const records = useIncoming((s) => s.records);
  const status = useIncoming((s) => s.status);
  const filters = useIncoming((s) => s.filters);
  const setFilters = useIncoming((s) => s.setFilters);
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const [exporting, setExporting] = useState(false);

  const rows: Row[] = useMemo(() => filterRecords(records, filters).map((r) => ({ ...r, id: r.doc.id })), [records, filters]);
  const years = yearsOf(records);
  const units = useMemo(() => {
    const ids = [...new Set(records.map((r) => r.doc.fromUnitId))];
    return ids.map((u) => ({ value: u as string, label: unitName(registry, u), initials: pinyinInitials(unitName(registry, u)) }));
  }, [records, registry]);

  const columns: Column<Row>[] = useMemo(
    () => [
      { id: 'no', header: '收文编号', width: 150, sortValue: (r) => `${r.year}-${String(r.receiptNumber.match(/(\d+)\D*$/)?.[1] ?? '').padStart(6, '0')}`, cell: (r) => <Link to={`/documents/incoming/${r.doc.id}`}>{r.receiptNumber}</Link> },
      { id: 'date', header: '收文日期', width: 110, sortValue: (r) => r.receivedOn, cell: (r) => r.receivedOn },
      { id: 'unit', header: '来文单位', width: 170, sortValue: (r) => unitName(registry, r.doc.fromUnitId), cell: (r) => unitName(registry, r.doc.fromUnitId) },
      { id: 'kind', header: '文种', width: 70, sortValue: (r) => DOCUMENT_KIND_LABELS[r.doc.kind], cell: (r) => DOCUMENT_KIND_LABELS[r.doc.kind] },
      { id: 'title', header: '标题', width: 320, sortValue: (r) => r.doc.title, cell: (r) => <Link to={`/documents/incoming/${r.doc.id}`}>{r.doc.title}</Link> },
      { id: 'cls', header: '密级', width: 90, sortValue: classificationText, cell: (r) => classificationText(r) },
      { id: 'leader', header: '呈批领导', width: 90, sortValue: (r) => (r.doc.routing ? personName(registry, r.doc.routing.leaderId) : ''), cell: (r) => (r.doc.routing ? personName(registry, r.doc.routing.leaderId) : '—') },
      { id: 'state', header: '状态', width: 90, sortValue: (r) => INCOMING_STATES.indexOf(r.state), cell: (r) => <Tag>{INCOMING_STATE_LABELS[r.state]}</Tag> },
    ],
    [registry],
  );

  const doExport = async () => {
    setExporting(true);
    try {
      const out = await exportXlsx(bridge, { fileName: exportFileName(filters, today), sheetName: '收文登记簿', columns: registerColumns(registry), rows });
      if (out.saved) void message.success(`已导出 ${rows.length} 条${out.displayPath ? `：${out.displayPath}` : ''}`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '导出 Excel 失败，请重试。');
    } finally {
      setExporting(false);
    }
  };

  const set = (patch: Partial<typeof filters>) => setFilters({ ...filters, ...patch });

  return (
    <>
      <SubHeading
        title="收文登记簿"
        intro="按年度、文种、来文单位、密级和状态筛选；点击标题办理。"
        extra={
          <Space>
            <NumberingSettings year={Number(today.slice(0, 4))} />
            <Button onClick={() => void doExport()} loading={exporting} disabled={rows.length === 0}>
              导出 Excel
            </Button>
            <Button type="primary" onClick={() => void navigate('/documents/incoming/new')}>
              登记收文
            </Button>
          </Space>
        }
      />
      {status === 'ready' && records.length === 0 ? (
        <EmptyState title="还没有收文">还没有收文。先在“人员与单位”中录入单位和领导分工，然后点击“登记收文”。</EmptyState>
      ) : (
        <>
          <Space wrap className="hw-in-filters" role="group" aria-label="筛选">
            <Select aria-label="年度" virtual={false} style={{ width: 110 }} allowClear placeholder="全部年度" value={filters.year} options={years.map((y) => ({ value: y, label: `${y}年` }))} onChange={(v?: number) => set({ year: v })} />
            <Select aria-label="文种" virtual={false} style={{ width: 110 }} allowClear placeholder="全部文种" value={filters.kind} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} onChange={(v?: DocumentKind) => set({ kind: v })} />
            <Select
              aria-label="来文单位"
              style={{ width: 220 }}
              allowClear
              placeholder="全部来文单位"
              showSearch={{ filterOption: (input: string, o?: { label: string; initials: string }) => o !== undefined && matchesNameQuery(o.label, input, o.initials), optionFilterProp: 'label' }}
              value={filters.unitId}
              options={units}
              onChange={(v?: string) => set({ unitId: v })}
            />
            <Select
              aria-label="密级"
              virtual={false}
              style={{ width: 110 }}
              allowClear
              placeholder="全部密级"
              value={filters.classification}
              options={[{ value: 'none', label: '非涉密' }, ...CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))]}
              onChange={(v?: Classification | 'none') => set({ classification: v })}
            />
            <Select aria-label="状态" virtual={false} style={{ width: 110 }} allowClear placeholder="全部状态" value={filters.state} options={INCOMING_STATES.map((s) => ({ value: s, label: INCOMING_STATE_LABELS[s] }))} onChange={(v?: IncomingState) => set({ state: v })} />
            <span data-testid="register-count">共 {rows.length} 件</span>
          </Space>
          <DataTable rows={rows} columns={columns} label="收文登记簿" emptyText="没有符合筛选条件的收文。" maxHeight={460} testId="incoming-register" />
        </>
      )}
    </>
  );
}
