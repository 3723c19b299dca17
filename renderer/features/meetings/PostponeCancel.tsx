/**
 * 延期 / 取消 (art. 39): only before the meeting is held, and only with a reason the engine checks; the
 * meeting stays in the list and its history, with the reason.
 */
import { App, Card, Input, Space } from 'antd';
import { useState } from 'react';
import type { Meeting } from '../../../shared/domain/meeting';
import {
  checkMeetingStep,
  MEETING_STEP_LABELS,
  stepAllowedFrom,
  type MeetingRuleContext,
} from '../../../shared/domain/meeting-rules';
import { auditContext, GatedButton } from '../../ui/findings';
import { storeMessage } from './meetings-store';
import { meetingsUi } from './use-meetings';

export function withPostponement(m: Meeting, reason: string): Meeting {
  return { ...m, state: 'postponed', postponed: { reason: reason.trim() } };
}

export function withCancellation(m: Meeting, reason: string): Meeting {
  return { ...m, state: 'cancelled', cancelled: { reason: reason.trim() } };
}

export function PostponeCancel({ meeting, ctx }: { meeting: Meeting; ctx: MeetingRuleContext }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const steps = (['postpone', 'cancel'] as const).filter(
    (s) => stepAllowedFrom(s, meeting.state) && !(s === 'postpone' && meeting.state === 'postponed'),
  );
  if (steps.length === 0) return null;

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
    <Card size="small" title="延期或取消" className="hw-mt-section">
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
    </Card>
  );
}
