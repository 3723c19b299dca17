/**
 * 延期 / 取消 (art. 39): only before the meeting is held, and only with a reason the engine checks; the
 * meeting stays in the list and its history, with the reason. A postponed meeting is rescheduled here: new
 * date and time with a reason, checked like planning (the chair on the new day, art. 9), every move kept.
 */
import { App, Card, Flex, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { Meeting } from '../../../shared/domain/meeting';
import {
  checkMeetingStep,
  MEETING_STEP_LABELS,
  rescheduleErrors,
  rescheduleMeeting,
  stepAllowedFrom,
  type MeetingRuleContext,
  type RescheduleInput,
} from '../../../shared/domain/meeting-rules';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { storeMessage } from './meetings-store';
import { useMeetingAction } from './use-meeting-action';
import { meetingsUi } from './use-meetings';

export function withPostponement(m: Meeting, reason: string): Meeting {
  return { ...m, state: 'postponed', postponed: { reason: reason.trim() } };
}

export function withCancellation(m: Meeting, reason: string): Meeting {
  return { ...m, state: 'cancelled', cancelled: { reason: reason.trim() } };
}

/** The rules' view of the meeting on its new date: the planning checks (chair, acting, attendees). */
export function rescheduleFindings(m: Meeting, r: RescheduleInput, ctx: MeetingRuleContext) {
  const errors = rescheduleErrors(r, ctx.today ?? m.date);
  if (Object.keys(errors).length > 0 || m.state !== 'postponed') return [];
  return checkMeetingStep(rescheduleMeeting(m, r, ctx.today ?? m.date), 'plan', ctx);
}

export function PostponeCancel({ meeting, ctx }: { meeting: Meeting; ctx: MeetingRuleContext }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const steps = (['postpone', 'cancel'] as const).filter(
    (s) => stepAllowedFrom(s, meeting.state) && !(s === 'postpone' && meeting.state === 'postponed'),
  );
  const history = meeting.reschedules ?? [];
  if (steps.length === 0 && history.length === 0) return null;

  const apply = (s: 'postpone' | 'cancel') =>
    s === 'postpone' ? withPostponement(meeting, reason) : withCancellation(meeting, reason);
  const take = async (s: 'postpone' | 'cancel') => {
    const next = apply(s);
    const findings = checkMeetingStep({ ...next, state: meeting.state }, s, ctx);
    try {
      await meetingsUi.getState().save(
        next,
        auditContext(
          `${MEETING_STEP_LABELS[s]}会议，原因：${reason.trim()}`,
          findings.filter((f) => f.severity === 'warn'),
        ),
      );
      setReason('');
      void message.success(`会议已${s === 'postpone' ? '延期' : '取消'}，请通知已通知的与会人员。`);
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title={meeting.state === 'postponed' ? '重新安排、取消' : '延期或取消'}
      className="hw-mt-section"
    >
      <Flex vertical gap={12}>
        {meeting.state === 'postponed' ? <Reschedule meeting={meeting} ctx={ctx} /> : null}
        {steps.length > 0 ? (
          <Space wrap>
            <Input
              aria-label="延期或取消的原因"
              className="hw-mt-reason"
              placeholder="原因（必填，第三十九条）"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
            />
            {steps.map((s) => (
              <GatedButton
                key={s}
                label={s === 'postpone' ? '延期会议' : '取消会议'}
                type="default"
                findings={checkMeetingStep({ ...apply(s), state: meeting.state }, s, ctx)}
                onConfirm={() => take(s)}
              />
            ))}
          </Space>
        ) : null}
        {history.length > 0 ? (
          <List
            size="small"
            header="改期记录"
            data-testid="reschedule-history"
            dataSource={[...history]}
            renderItem={(r) => (
              <List.Item>
                {r.on}：由 {r.fromDate}
                {r.fromTime ? ` ${r.fromTime}` : ''} 改至 {r.toDate}
                {r.toTime ? ` ${r.toTime}` : ''}。
                {r.postponedReason ? `延期原因：${r.postponedReason}；` : ''}
                重新安排说明：{r.reason}
              </List.Item>
            )}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

function Reschedule({ meeting, ctx }: { meeting: Meeting; ctx: MeetingRuleContext }) {
  const act = useMeetingAction();
  const today: IsoDate = ctx.today ?? meeting.date;
  const [input, setInput] = useState<RescheduleInput>({ date: '', time: meeting.time ?? '', reason: '' });
  const [tried, setTried] = useState(false);
  const errors = rescheduleErrors(input, today);
  const findings = rescheduleFindings(meeting, input, ctx);
  const invalid = Object.keys(errors).length > 0;

  const take = async (why: string | undefined) => {
    setTried(true);
    if (invalid) return;
    await act(
      meeting.id,
      (m) => rescheduleMeeting(m, input, today),
      auditContext(
        `重新安排会议：${meeting.date} 改至 ${input.date}${input.time ? ` ${input.time}` : ''}，说明：${input.reason.trim()}`,
        findings.filter((f) => f.severity === 'warn'),
        why,
      ),
      `会议已改至${input.date}，回到“筹备”，请重新审定议题并发出通知。`,
    );
  };

  return (
    <Flex vertical gap={8} data-testid="reschedule">
      <Typography.Text>
        会议已延期（原因：{meeting.postponed?.reason ?? ''}
        ）。确定新的时间后，会议回到“筹备”，按原步骤重新办理。
      </Typography.Text>
      <Space wrap>
        <Input
          type="date"
          aria-label="新的会议日期"
          value={input.date}
          onChange={(e) => setInput({ ...input, date: e.target.value })}
        />
        <Input
          aria-label="新的开始时间"
          placeholder="HH:MM"
          className="hw-af-time"
          value={input.time}
          onChange={(e) => setInput({ ...input, time: e.target.value })}
        />
        <Input
          aria-label="重新安排的说明"
          className="hw-mt-reason"
          placeholder="说明（必填，如：区长返回，改期召开）"
          maxLength={500}
          value={input.reason}
          onChange={(e) => setInput({ ...input, reason: e.target.value })}
        />
        {invalid ? (
          <GatedButton label="重新安排" findings={[]} onConfirm={() => setTried(true)} />
        ) : (
          <GatedButton label="重新安排" findings={findings} onConfirm={take} />
        )}
      </Space>
      {tried && invalid ? (
        <Typography.Text type="danger">{Object.values(errors).join('；')}</Typography.Text>
      ) : null}
      {!invalid ? (
        <FindingsPanel findings={findings} title="新日期的规则检查" testId="reschedule-findings" />
      ) : null}
    </Flex>
  );
}
