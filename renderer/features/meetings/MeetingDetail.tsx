/**
 * One meeting: its facts, where it stands in the life of art. 39 (antd Steps), and the work areas —
 * 议题 and 参会人员 — with the next step and its checks.
 */
import { Alert, Button, Descriptions, Result, Steps, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { currentWorkingCalendar } from '../../../shared/calendar';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import {
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  MEETING_STATE_ORDER,
} from '../../../shared/domain/meeting';
import type { MeetingRuleContext } from '../../../shared/domain/meeting-rules';
import { personName } from '../../../shared/domain/registry';
import { PageHeading } from '../../ui';
import { MeetingPdfActions } from '../pdf/MeetingPdfActions';
import { AgendaTab } from './AgendaTab';
import { AttendeesTab } from './AttendeesTab';
import { DecisionsTab } from './DecisionsTab';
import { MaterialsTab } from './MaterialsTab';
import { RecordsTab } from './RecordsTab';
import { ReportsTab } from './ReportsTab';
import { LeaveTab } from './LeaveTab';
import { selectMeeting } from './meetings-store';
import { MinutesBadgeTag } from './MeetingsTable';
import { minutesBadge } from './model';
import { NextStep } from './NextStep';
import { SignInTab } from './SignInTab';
import { PostponeCancel } from './PostponeCancel';
import { useMeetingsUi } from './use-meetings';

/** The tabs a link may open with ?tab=…; anything else opens 议题. */
const DETAIL_TABS: readonly string[] = [
  'agenda',
  'attendees',
  'leave',
  'signin',
  'materials',
  'records',
  'decisions',
  'reports',
];

export function MeetingDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const meeting = useMeetingsUi(selectMeeting(id));
  const registry = useMeetingsUi((s) => s.registry);
  const meetings = useMeetingsUi((s) => s.meetings);
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  // ?tab=decisions opens a tab directly (links from the ledger and the dashboard).
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab = asked !== null && DETAIL_TABS.includes(asked) ? asked : 'agenda';
  const ctx: MeetingRuleContext = useMemo(
    () => ({ registry, calendar, today, meetings }),
    [registry, calendar, today, meetings],
  );

  if (meeting === undefined) {
    return (
      <Result
        status="404"
        title="找不到这个会议"
        subTitle="会议可能已被删除，或恢复了较早的备份。"
        extra={<Button onClick={() => navigate('/meetings')}>返回会议列表</Button>}
      />
    );
  }
  const current = MEETING_STATE_ORDER.indexOf(meeting.state);

  return (
    <>
      <PageHeading
        title={meeting.title}
        intro={
          <>
            <Tag color="blue">{MEETING_KIND_LABELS[meeting.kind]}</Tag>
            <Tag>{MEETING_STATE_LABELS[meeting.state]}</Tag>
            <MinutesBadgeTag badge={minutesBadge(meeting, calendar, today)} />
          </>
        }
        extra={<Button onClick={() => navigate('/meetings')}>返回会议列表</Button>}
      />
      <Descriptions
        size="small"
        column={3}
        items={[
          {
            key: 'date',
            label: '时间',
            children: `${meeting.date}${meeting.time ? ` ${meeting.time}` : ''}`,
          },
          { key: 'place', label: '地点', children: meeting.place },
          {
            key: 'chair',
            label: '主持人',
            children: `${personName(registry, meeting.chairId)}${meeting.acting ? `（${meeting.acting.basis === 'entrustment' ? '受区长委托' : '区长外出期间代为主持'}）` : ''}`,
          },
          {
            key: 'recorder',
            label: '记录人',
            children: meeting.recorderId ? personName(registry, meeting.recorderId) : '未指定',
          },
          { key: 'important', label: '重要会议', children: meeting.important ? '是' : '否' },
        ]}
      />
      <Steps
        className="hw-mt-detail-steps"
        size="small"
        current={current < 0 ? 0 : current}
        status={meeting.state === 'cancelled' || meeting.state === 'postponed' ? 'error' : 'process'}
        items={MEETING_STATE_ORDER.map((s) => ({ title: MEETING_STATE_LABELS[s] }))}
      />
      {meeting.postponed && meeting.state === 'postponed' ? (
        <Alert
          type="warning"
          showIcon
          title={`会议已延期，原因：${meeting.postponed.reason}`}
          description="重新筹备后按原步骤办理。"
        />
      ) : null}
      <NextStep key={meeting.state} meeting={meeting} registry={registry} ctx={ctx} today={today} />
      <PostponeCancel meeting={meeting} ctx={ctx} />
      <MeetingPdfActions meeting={meeting} registry={registry} />
      <Tabs
        className="hw-mt-section"
        activeKey={tab}
        onChange={(key) => setSearch(key === 'agenda' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'agenda',
            label: `议题（${meeting.topics.filter((t) => !t.withdrawn).length}）`,
            children: (
              <AgendaTab meeting={meeting} meetings={meetings} registry={registry} ctx={ctx} today={today} />
            ),
          },
          {
            key: 'attendees',
            label: `参会人员（${meeting.attendees.length}）`,
            children: <AttendeesTab meeting={meeting} registry={registry} ctx={ctx} />,
          },
          {
            key: 'leave',
            label: `请假（${meeting.leaves.length}）`,
            children: <LeaveTab meeting={meeting} registry={registry} today={today} />,
          },
          {
            key: 'signin',
            label: '签到',
            // Re-mounted when the stored sheet changes, so it starts from what was saved.
            children: (
              <SignInTab
                key={`${meeting.signIns.length}-${meeting.attendees.length}-${meeting.leaves.length}`}
                meeting={meeting}
                registry={registry}
              />
            ),
          },
          {
            key: 'materials',
            label: `材料送达（${meeting.deliveries.length}）`,
            children: <MaterialsTab meeting={meeting} registry={registry} today={today} />,
          },
          {
            key: 'records',
            label: `会议纪录（${meeting.records.length}）`,
            children: <RecordsTab meeting={meeting} registry={registry} />,
          },
          {
            key: 'decisions',
            label: `决定事项（${meeting.decisions.length}）`,
            children: (
              <DecisionsTab meeting={meeting} registry={registry} today={today} calendar={calendar} />
            ),
          },
          {
            key: 'reports',
            label: meeting.kind === 'executive' ? '会后报告与印发' : '文件印发',
            children: <ReportsTab meeting={meeting} today={today} calendar={calendar} />,
          },
        ]}
      />
    </>
  );
}
