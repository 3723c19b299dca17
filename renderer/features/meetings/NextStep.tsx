/**
 * The next step of the meeting's life (art. 39 order), with the engine's checks for it: blocking findings
 * disable the button with the reason, warnings need a reason that goes into the audit entry.
 */
import { App, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { PersonId } from '../../../shared/domain/ids';
import { latestMinutes, reviseMinutes, type Meeting } from '../../../shared/domain/meeting';
import {
  agreedItemsDraft,
  availableSteps,
  checkMeetingStep,
  MEETING_STEP_LABELS,
  requiredMinutesSigner,
  type MeetingRuleContext,
  type MeetingStep,
} from '../../../shared/domain/meeting-rules';
import { personName, type Registry } from '../../../shared/domain/registry';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { useMeetingDrafts } from './draft-store';
import { storeMessage } from './meetings-store';
import { advance } from './model';
import { meetingsUi } from './use-meetings';

/**
 * A first draft of the minutes from agenda and record: 会议概况 and one 议定事项 per topic, taken from the
 * topic's 会议纪录 when there is one, else from its proposal (art. 47).
 */
export function minutesSkeleton(m: Meeting, reg: Registry): string {
  const head = `${m.date}${m.time ? ` ${m.time}` : ''}，${personName(reg, m.chairId)}在${m.place}主持召开${m.title}。`;
  return [`一、会议概况\n${head}`, `二、议定事项\n${agreedItemsDraft(m)}`].join('\n\n');
}

export function NextStep({
  meeting,
  registry,
  ctx,
  today,
}: {
  meeting: Meeting;
  registry: Registry;
  ctx: MeetingRuleContext;
  today: IsoDate;
}) {
  const { message } = App.useApp();
  const step = availableSteps(meeting.state).find((s) => s !== 'postpone' && s !== 'cancel');
  // The minutes being drafted are kept per meeting, so a reload or a failed save loses nothing.
  const text = useMeetingDrafts((s) => s.minutes[meeting.id]);
  const setMinutesDraft = useMeetingDrafts((s) => s.setMinutes);
  const setText = (t: string | undefined) => setMinutesDraft(meeting.id, t);
  const required = requiredMinutesSigner(meeting, registry, today);
  const [signerId, setSignerId] = useState<PersonId | undefined>(required?.personId);

  if (step === undefined) {
    return (
      <Card size="small" title="下一步" data-testid="next-step">
        <Typography.Text>
          {meeting.state === 'cancelled'
            ? `会议已取消（原因：${meeting.cancelled?.reason ?? ''}），没有待办步骤。`
            : '会议已办结，没有待办步骤。'}
        </Typography.Text>
      </Card>
    );
  }

  /** The meeting carrying the data the step records (checked before, saved after). */
  const withData = (s: MeetingStep): Meeting => {
    switch (s) {
      case 'draftMinutes':
        return reviseMinutes(meeting, text ?? minutesSkeleton(meeting, registry), today);
      case 'signMinutes': {
        const latest = latestMinutes(meeting);
        if (latest === undefined || signerId === undefined) return meeting;
        return {
          ...meeting,
          minutes: meeting.minutes.map((v) =>
            v === latest ? { ...v, submittedToId: signerId, signature: { byId: signerId, on: today } } : v,
          ),
        };
      }
      default:
        return meeting;
    }
  };
  const candidate = withData(step);
  const findings = checkMeetingStep(candidate, step, ctx);

  const take = async (reason: string | undefined) => {
    try {
      await meetingsUi.getState().save(
        advance(candidate, step),
        auditContext(
          MEETING_STEP_LABELS[step],
          findings.filter((f) => f.severity === 'warn'),
          reason,
        ),
      );
      if (step === 'draftMinutes') setText(undefined);
      void message.success(`已完成“${MEETING_STEP_LABELS[step]}”。`);
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };

  return (
    <Card size="small" title={`下一步：${MEETING_STEP_LABELS[step]}`} data-testid="next-step">
      <Flex vertical gap={12}>
        {step === 'draftMinutes' ? (
          <Input.TextArea
            aria-label="会议纪要"
            rows={8}
            value={text ?? minutesSkeleton(meeting, registry)}
            onChange={(e) => setText(e.target.value)}
          />
        ) : null}
        {step === 'signMinutes' ? (
          <Typography.Paragraph className="hw-mt-minutes" data-testid="minutes-text">
            {latestMinutes(meeting)?.text ?? ''}
          </Typography.Paragraph>
        ) : null}
        {step === 'signMinutes' ? (
          <Space wrap>
            <span>签发人：</span>
            <Select<PersonId>
              aria-label="签发人"
              className="hw-mt-filter"
              value={signerId}
              onChange={setSignerId}
              options={[...new Set([...(required ? [required.personId] : []), meeting.chairId])].map((p) => ({
                value: p,
                label: personName(registry, p),
              }))}
            />
            {required ? (
              <Typography.Text type="secondary">{required.reason}（第四十七条）。</Typography.Text>
            ) : null}
          </Space>
        ) : null}
        <FindingsPanel
          findings={findings}
          title={`规则检查（${MEETING_STEP_LABELS[step]}）`}
          testId="step-findings"
        />
        <span>
          <GatedButton label={MEETING_STEP_LABELS[step]} findings={findings} onConfirm={take} />
        </span>
      </Flex>
    </Card>
  );
}
