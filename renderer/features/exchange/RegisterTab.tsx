/** 交换登记: every packet sent and received here (when, with whom, purpose, what, by whom, verdict), filterable. */
import { Button, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PACKET_KIND_LABELS, PACKET_KINDS, type PacketKind } from '../../../shared/packet';
import {
  CONFLICT_CHOICE_LABELS,
  DIRECTION_LABELS,
  type PacketDirection,
  type RegisterEntry,
} from '../../data';
import { formatBytes } from './exchange-model';
import { messageOf, usePackets } from './use-packets';

export function RegisterTab({ active }: { active: boolean }) {
  const packets = usePackets();
  const [direction, setDirection] = useState<PacketDirection | 'all'>('all');
  const [kind, setKind] = useState<PacketKind | undefined>();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<RegisterEntry[]>([]);
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    if (!packets) return;
    packets
      .register({
        ...(direction !== 'all' ? { direction } : {}),
        ...(kind ? { kind } : {}),
        ...(text.trim() !== '' ? { text } : {}),
      })
      .then(setRows, (e: unknown) => setError(messageOf(e)));
  }, [packets, direction, kind, text]);

  useEffect(() => {
    if (active) load();
  }, [active, load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          aria-label="收发方向"
          value={direction}
          onChange={(v) => setDirection(v as PacketDirection | 'all')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'sent', label: '发出' },
            { value: 'received', label: '收到' },
          ]}
        />
        <Select
          aria-label="数据包类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 160 }}
          value={kind}
          onChange={(v?: PacketKind) => setKind(v)}
          options={PACKET_KINDS.map((k) => ({ value: k, label: PACKET_KIND_LABELS[k] }))}
        />
        <Input.Search
          aria-label="搜索交换登记"
          allowClear
          placeholder="单位、事由、内容或编号"
          style={{ width: 280 }}
          onSearch={(v) => setText(v)}
        />
        <Button onClick={load}>刷新</Button>
      </Space>
      {error ? <p role="alert">{error}</p> : null}
      <Table<RegisterEntry>
        data-testid="packet-register"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        scroll={{ x: 1200 }}
        locale={{ emptyText: '还没有收发过数据包。' }}
        expandable={{
          rowExpandable: (r) => (r.conflicts?.length ?? 0) > 0,
          expandedRowRender: (r) => (
            <ul>
              {(r.conflicts ?? []).map((c) => (
                <li key={c.key}>{`${c.title}：${CONFLICT_CHOICE_LABELS[c.choice]}（两个版本均已保存）`}</li>
              ))}
            </ul>
          ),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 140,
            render: (t: string) => t.slice(0, 16).replace('T', ' '),
          },
          {
            title: '方向',
            dataIndex: 'direction',
            width: 70,
            render: (d: PacketDirection) => (
              <Tag color={d === 'sent' ? 'blue' : 'green'}>{DIRECTION_LABELS[d]}</Tag>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: PacketKind) => PACKET_KIND_LABELS[k] },
          { title: '对方单位', dataIndex: 'counterpart', width: 150 },
          { title: '事由', dataIndex: 'purpose', width: 220, ellipsis: { showTitle: true } },
          {
            title: '内容',
            dataIndex: 'items',
            width: 200,
            ellipsis: { showTitle: true },
            render: (items: RegisterEntry['items']) => items.map((i) => i.title).join('、'),
          },
          { title: '经办人', dataIndex: 'operatorName', width: 100 },
          { title: '结果', dataIndex: 'verdict', width: 220 },
          {
            title: '文件',
            dataIndex: 'fileName',
            width: 200,
            ellipsis: { showTitle: true },
            render: (f: string, r) => `${f}（${formatBytes(r.sizeBytes)}${r.encrypted ? '，加密' : ''}）`,
          },
        ]}
      />
    </Space>
  );
}
