/**
 * 请假 (arts. 46, 59): an attendee who cannot come asks the chair, who decides; reason, decision, time and any
 * stand-in are recorded, and the engine says when leave went to the wrong person or is still undecided.
 */
import { App, Button, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { leaveRequestId, type LeaveRequestId, type PersonId } from '../../../shared/domain/ids';
import type { LeaveRequest, Meeting } from '../../../shared/domain/meeting';
import { checkLeaves } from '../../../shared/domain/meeting-rules';
import { officeDirectorOn, personName, type Registry } from '../../../shared/domain/registry';
import { FindingsPanel } from '../../ui/findings';
import { storeMessage } from './meetings-store';
import { addLeave, decideLeave, leaveInputError, type LeaveInput } from './model';
import { meetingsUi } from './use-meetings';

const clock = (d: Date): string =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

export function LeaveTab({
  meeting,
  registry,
  today,
}: {
  meeting: Meeting;
  registry: Registry;
  today: IsoDate;
}) {
  const { message } = App.useApp();
  const [input, setInput] = useState<Partial<LeaveInput>>({ askedOfId: meeting.chairId });
  const [tried, setTried] = useState(false);
  const error = leaveInputError(input);
  const director = officeDirectorOn(registry, meeting.date);
  const askedOfOptions = [...new Set([meeting.chairId, ...(director ? [director] : [])])];

  const save = async (m: Meeting, context: string, done: string) => {
    try {
      await meetingsUi.getState().save(m, context);
      void message.success(done);
      return true;
    } catch (e) {
      void message.error(storeMessage(e));
      return false;
    }
  };

  const register = async () => {
    setTried(true);
    if (error !== undefined) return;
    const l = input as LeaveInput;
    const id = leaveRequestId(`leave-${crypto.randomUUID()}`);
    if (
      await save(
        addLeave(meeting, l, id, today),
        `登记请假（${personName(registry, l.personId)}）`,
        '请假已登记。',
      )
    ) {
      setInput({ askedOfId: meeting.chairId });
      setTried(false);
    }
  };

  const decide = (l: LeaveRequest, approved: boolean) =>
    save(
      decideLeave(meeting, l.id as LeaveRequestId, {
        byId: meeting.chairId,
        approved,
        on: today,
        at: clock(new Date()),
      }),
      `${approved ? '批准' : '不批准'}请假（${personName(registry, l.personId)}，${personName(registry, meeting.chairId)}）`,
      '已登记主持人意见。',
    );

  return (
    <Flex vertical gap={12}>
      <Space wrap align="start">
        <Select<PersonId>
          aria-label="请假人"
          className="hw-mt-filter"
          placeholder="请假人"
          showSearch={{ optionFilterProp: 'label' }}
          value={input.personId}
          onChange={(personId) => setInput({ ...input, personId })}
          options={meeting.attendees.map((a) => ({
            value: a.personId,
            label: personName(registry, a.personId),
          }))}
        />
        <Input
          aria-label="请假事由"
          className="hw-mt-reason"
          placeholder="请假事由"
          maxLength={500}
          value={input.reason ?? ''}
          onChange={(e) => setInput({ ...input, reason: e.target.value })}
        />
        <Select<PersonId>
          aria-label="向谁请假"
          className="hw-mt-filter"
          value={input.askedOfId}
          onChange={(askedOfId) => setInput({ ...input, askedOfId })}
          options={askedOfOptions.map((p) => ({
            value: p,
            label: `${personName(registry, p)}${p === meeting.chairId ? '（会议主持人）' : ''}`,
          }))}
        />
        <Select<PersonId>
          aria-label="代为参会"
          className="hw-mt-filter"
          placeholder="代为参会（可不填）"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={input.standInId}
          onChange={(standInId) => setInput({ ...input, standInId })}
          options={registry.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Button type="primary" onClick={() => void register()}>
          登记请假
        </Button>
      </Space>
      {tried && error ? <Tag color="red">{error}</Tag> : null}
      <Table<LeaveRequest>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="leave-table"
        locale={{ emptyText: '没有请假。' }}
        dataSource={[...meeting.leaves]}
        columns={[
          { title: '请假人', key: 'person', render: (_, l) => personName(registry, l.personId) },
          { title: '事由', key: 'reason', dataIndex: 'reason' },
          { title: '向谁请假', key: 'askedOf', render: (_, l) => personName(registry, l.askedOfId) },
          {
            title: '代为参会',
            key: 'standIn',
            render: (_, l) => (l.standInId ? personName(registry, l.standInId) : '—'),
          },
          {
            title: '主持人意见',
            key: 'decision',
            render: (_, l) =>
              l.decision ? (
                <Tag color={l.decision.approved ? 'green' : 'red'}>
                  {personName(registry, l.decision.byId)}
                  {l.decision.approved ? '批准' : '不批准'}（{l.decision.on}
                  {l.decision.at ? ` ${l.decision.at}` : ''}）
                </Tag>
              ) : (
                <Space>
                  <Button size="small" onClick={() => void decide(l, true)}>
                    主持人批准
                  </Button>
                  <Button size="small" danger onClick={() => void decide(l, false)}>
                    不批准
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FindingsPanel findings={checkLeaves(meeting, registry)} title="请假规则检查" testId="leave-findings" />
    </Flex>
  );
}
