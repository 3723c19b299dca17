/**
 * 审计日志: the audit trail, newest first, filtered by operator, record type, action, date range and record
 * id, in a virtualized table; "校验审计链" re-checks every link of the hash chain and names the first break.
 */
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry, type ChainVerdict } from '../../../shared/audit';
import { getStore, type OperatorAccount } from '../../data';
import type { AuditFilter } from '../../data/audit-repo';
import { Page, PageHeading } from '../../ui';
import { DataTable, type Column } from '../registry/DataTable';
import { recordTypeLabel } from './labels';

/** More rows than a person reads; beyond it the screen asks for narrower filters. */
const LIMIT = 2000;

type Row = AuditEntry & { readonly id: string };

const COLUMNS: readonly Column<Row>[] = [
  { id: 'sequence', header: '序号', cell: (e) => e.sequence, sortValue: (e) => e.sequence, width: 80 },
  {
    id: 'at',
    header: '时间',
    cell: (e) => e.at.slice(0, 19).replace('T', ' '),
    sortValue: (e) => e.at,
    width: 170,
  },
  { id: 'operator', header: '操作员', cell: (e) => e.operatorName, sortValue: (e) => e.operatorName, width: 110 },
  { id: 'context', header: '操作', cell: (e) => e.context ?? '', sortValue: (e) => e.context ?? '', width: 170 },
  {
    id: 'action',
    header: '动作',
    cell: (e) => AUDIT_ACTION_LABELS[e.action],
    sortValue: (e) => e.action,
    width: 70,
  },
  {
    id: 'type',
    header: '记录类型',
    cell: (e) => recordTypeLabel(e.recordType),
    sortValue: (e) => e.recordType,
    width: 110,
  },
  { id: 'record', header: '记录编号', cell: (e) => <code>{e.recordId}</code>, sortValue: (e) => e.recordId, width: 220 },
];

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [result, setResult] = useState<{ entries: Row[]; truncated: boolean }>();
  const [error, setError] = useState<string>();
  const [operators, setOperators] = useState<OperatorAccount[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const [verdict, setVerdict] = useState<ChainVerdict>();
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    void getStore().then(async (store) => {
      setOperators(await store.operators.list());
      setTypes(await store.audit.recordTypes());
    });
  }, []);

  useEffect(() => {
    let alive = true;
    getStore()
      .then((store) => store.audit.query(filter, LIMIT))
      .then(
        (page) => {
          if (!alive) return;
          setError(undefined);
          setResult({ entries: page.entries.map((e) => ({ ...e, id: String(e.sequence) })), truncated: page.truncated });
        },
        () => alive && setError('审计日志暂时无法读取。请重试；如仍失败，请重启会文。'),
      );
    return () => {
      alive = false;
    };
  }, [filter]);

  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await (await getStore()).audit.verify());
    } catch {
      setError('校验未能完成：审计日志暂时无法读取。请重试。');
    }
    setVerifying(false);
  };

  const operatorOptions = useMemo(
    () => operators.map((o) => ({ value: o.id, label: o.disabled ? `${o.name}（已停用）` : o.name })),
    [operators],
  );

  return (
    <Page>
      <PageHeading
        title="审计日志"
        intro="每一项改动都记在这里：谁、何时、改了哪条记录。记录前后相连成链，任何删改都会在校验时被发现。"
        extra={
          <Button type="primary" onClick={() => void verify()} loading={verifying}>
            校验审计链
          </Button>
        }
      />
      {verdict ? (
        <Alert
          data-testid="audit-verdict"
          role="status"
          showIcon
          closable
          onClose={() => setVerdict(undefined)}
          style={{ marginBottom: 16 }}
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? `审计链完整：共 ${verdict.count} 条记录，逐条校验无误。`
              : `审计链在第 ${verdict.sequence} 条处断开`
          }
          description={verdict.ok ? undefined : `${verdict.message}。请保留现状并联系管理员，可从备份核对。`}
        />
      ) : null}
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }} aria-label="筛选审计日志">
        <Form.Item label="操作员" htmlFor="hw-audit-operator">
          <Select
            id="hw-audit-operator"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部"
            style={{ width: 140 }}
            options={operatorOptions}
            value={filter.operatorId}
            onChange={(v?: string) => set({ operatorId: v })}
          />
        </Form.Item>
        <Form.Item label="记录类型" htmlFor="hw-audit-type">
          <Select
            id="hw-audit-type"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部"
            style={{ width: 130 }}
            options={types.map((t) => ({ value: t, label: recordTypeLabel(t) }))}
            value={filter.recordType}
            onChange={(v?: string) => set({ recordType: v })}
          />
        </Form.Item>
        <Form.Item label="动作" htmlFor="hw-audit-action">
          <Select
            id="hw-audit-action"
            allowClear
            placeholder="全部"
            style={{ width: 90 }}
            options={(Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]).map((a) => ({
              value: a,
              label: AUDIT_ACTION_LABELS[a],
            }))}
            value={filter.action}
            onChange={(v?: AuditAction) => set({ action: v })}
          />
        </Form.Item>
        <Form.Item label="日期" htmlFor="hw-audit-from">
          <Space.Compact>
            <Input
              id="hw-audit-from"
              type="date"
              aria-label="起始日期"
              value={filter.from ?? ''}
              onChange={(e) => set({ from: e.target.value || undefined })}
            />
            <Input
              type="date"
              aria-label="截止日期"
              value={filter.to ?? ''}
              onChange={(e) => set({ to: e.target.value || undefined })}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item label="记录编号" htmlFor="hw-audit-record">
          <Input
            id="hw-audit-record"
            allowClear
            style={{ width: 160 }}
            value={filter.recordId ?? ''}
            onChange={(e) => set({ recordId: e.target.value || undefined })}
          />
        </Form.Item>
        <Button onClick={() => setFilter({})}>清除筛选</Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {result?.truncated ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`只显示最近的 ${LIMIT} 条。请用上面的筛选缩小范围。`}
        />
      ) : null}
      <DataTable<Row>
        rows={result?.entries ?? []}
        columns={COLUMNS}
        label="审计日志"
        emptyText={result ? '没有符合条件的审计记录。' : '正在读取…'}
        maxHeight={460}
        testId="audit-table"
      />
    </Page>
  );
}
