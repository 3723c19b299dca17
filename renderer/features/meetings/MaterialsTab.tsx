/**
 * 材料送达 (art. 45): the meeting's documents and topics reach every attendee before the meeting. Per
 * attendee: delivered or not, when, and by whom; the 未送达 list on top; one action may record several people.
 */
import { Alert, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { PersonId } from '../../../shared/domain/ids';
import { ATTENDEE_ROLE_LABELS, type Meeting } from '../../../shared/domain/meeting';
import {
  checkDelivery,
  checkMaterials,
  clearDelivery,
  deliveryInputError,
  deliveryOf,
  materialRecipients,
  recordDeliveries,
  undeliveredRecipients,
  type DeliveryInput,
} from '../../../shared/domain/meeting-rules';
import { personName, type Registry } from '../../../shared/domain/registry';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { operatorName, shanghaiClock, useMeetingAction } from './use-meeting-action';

export function MaterialsTab({
  meeting,
  registry,
  today,
}: {
  meeting: Meeting;
  registry: Registry;
  today: IsoDate;
}) {
  const act = useMeetingAction();
  const [selected, setSelected] = useState<PersonId[]>([]);
  const [input, setInput] = useState<DeliveryInput>(() => ({
    on: today,
    at: shanghaiClock(),
    by: operatorName(),
  }));
  const [tried, setTried] = useState(false);
  const recipients = materialRecipients(meeting);
  const missing = undeliveredRecipients(meeting);
  const error = selected.length === 0 ? '请在下表中勾选已送达的与会人员' : deliveryInputError(input);
  const findings = checkDelivery(meeting, input);
  const name = (p: PersonId) => personName(registry, p);
  const roleOf = (p: PersonId) => meeting.attendees.find((a) => a.personId === p)?.role;

  const record = async (reason: string | undefined) => {
    setTried(true);
    if (error !== undefined) return;
    const people = selected.filter((p) => recipients.includes(p));
    if (
      await act(
        meeting.id,
        (m) => recordDeliveries(m, people, input),
        auditContext(`登记会议材料送达（${people.map(name).join('、')}）`, findings, reason),
        `已登记 ${people.length} 人的材料送达。`,
      )
    ) {
      setSelected([]);
      setTried(false);
    }
  };

  if (recipients.length === 0) {
    return (
      <Alert
        type="info"
        showIcon
        title="还没有参会人员。请先在“参会人员”中生成名单，再登记材料送达（第四十五条）。"
      />
    );
  }

  return (
    <Flex vertical gap={12} data-testid="materials-tab">
      <FindingsPanel
        findings={checkMaterials(meeting, registry)}
        title="材料送达检查"
        testId="materials-findings"
      />
      <Card size="small" title={`未送达（${missing.length}）`} data-testid="materials-undelivered">
        {missing.length === 0 ? (
          <Typography.Text type="success">会议材料已全部送达。</Typography.Text>
        ) : (
          <Space wrap>
            {missing.map((p) => (
              <Tag key={p}>{name(p)}</Tag>
            ))}
            <Button size="small" onClick={() => setSelected(missing)}>
              勾选全部未送达
            </Button>
          </Space>
        )}
      </Card>
      <Table
        size="small"
        rowKey={(p) => p}
        pagination={false}
        scroll={{ y: 320 }}
        data-testid="materials-table"
        dataSource={recipients}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as PersonId[]),
          getCheckboxProps: (p) => ({ 'aria-label': `选择${name(p)}` }),
        }}
        columns={[
          { key: 'name', title: '姓名', render: (_, p) => name(p) },
          {
            key: 'role',
            title: '身份',
            render: (_, p) => {
              const r = roleOf(p);
              return r ? ATTENDEE_ROLE_LABELS[r] : '';
            },
          },
          {
            key: 'state',
            title: '送达',
            render: (_, p) =>
              deliveryOf(meeting, p) ? <Tag color="success">已送达</Tag> : <Tag color="warning">未送达</Tag>,
          },
          {
            key: 'when',
            title: '送达时间',
            render: (_, p) => {
              const d = deliveryOf(meeting, p);
              return d ? `${d.on}${d.at ? ` ${d.at}` : ''}` : '—';
            },
          },
          { key: 'by', title: '送达人', render: (_, p) => deliveryOf(meeting, p)?.by ?? '—' },
          {
            key: 'actions',
            title: '操作',
            render: (_, p) =>
              deliveryOf(meeting, p) ? (
                <Button
                  size="small"
                  onClick={() =>
                    void act(
                      meeting.id,
                      (m) => clearDelivery(m, p),
                      `撤销材料送达登记（${name(p)}）`,
                      `已撤销${name(p)}的送达登记。`,
                    )
                  }
                >
                  撤销
                </Button>
              ) : null,
          },
        ]}
      />
      <Card size="small" title="登记送达">
        <Flex vertical gap={8}>
          <Space wrap>
            <Input
              type="date"
              aria-label="送达日期"
              value={input.on}
              onChange={(e) => setInput({ ...input, on: e.target.value })}
            />
            <Input
              aria-label="送达时间"
              placeholder="HH:MM"
              className="hw-af-time"
              value={input.at}
              onChange={(e) => setInput({ ...input, at: e.target.value })}
            />
            <Input
              aria-label="送达人"
              placeholder="送达人"
              className="hw-af-by"
              maxLength={50}
              value={input.by}
              onChange={(e) => setInput({ ...input, by: e.target.value })}
            />
            {error !== undefined ? (
              <Button type="primary" onClick={() => setTried(true)}>
                登记送达（已选 {selected.length} 人）
              </Button>
            ) : (
              <GatedButton
                label={`登记送达（已选 ${selected.length} 人）`}
                findings={findings}
                onConfirm={record}
              />
            )}
          </Space>
          {tried && error !== undefined ? <Typography.Text type="danger">{error}</Typography.Text> : null}
          {findings.length > 0 ? <FindingsPanel findings={findings} /> : null}
        </Flex>
      </Card>
    </Flex>
  );
}
