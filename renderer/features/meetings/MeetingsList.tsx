import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { currentWorkingCalendar } from '../../../shared/calendar';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import {
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  type MeetingKind,
  type MeetingState,
} from '../../../shared/domain/meeting';
import type { PersonId } from '../../../shared/domain/ids';
import { personName } from '../../../shared/domain/registry';
import { EmptyState, PageHeading } from '../../ui';
import { MeetingsCalendar } from './MeetingsCalendar';
import { selectVisible, type MeetingsView } from './meetings-store';
import { MeetingsTable } from './MeetingsTable';
import { meetingChairs, meetingMonths } from './model';
import { useMeetingsUi } from './use-meetings';

const STATES = Object.keys(MEETING_STATE_LABELS) as MeetingState[];

export function MeetingsList() {
  const navigate = useNavigate();
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  const registry = useMeetingsUi((s) => s.registry);
  const meetings = useMeetingsUi((s) => s.meetings);
  const filters = useMeetingsUi((s) => s.filters);
  const setFilters = useMeetingsUi((s) => s.setFilters);
  const view = useMeetingsUi((s) => s.view);
  const setView = useMeetingsUi((s) => s.setView);
  // Derived outside the store hook: a selector returning a fresh array would re-render forever.
  const visible = useMemo(() => selectVisible({ meetings, filters }), [meetings, filters]);
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/meetings/new')}>
      新建会议
    </Button>
  );

  return (
    <>
      <PageHeading
        title="会议"
        intro="常务会议、专题会议等的筹备、议题、参会人员和纪要（第三十九条至第四十八条）。"
      />
      {meetings.length === 0 ? (
        <EmptyState title="还没有会议" action={newButton}>
          {registry.people.length === 0
            ? '还没有会议。先在“人员与单位”中载入示例数据或录入领导班子，然后点击“新建会议”。'
            : '还没有会议。点击“新建会议”筹备第一次会议。'}
        </EmptyState>
      ) : (
        <>
          <div className="hw-mt-toolbar" role="search" aria-label="筛选会议">
            {newButton}
            <Segmented<MeetingsView>
              aria-label="显示方式"
              value={view}
              onChange={setView}
              options={[
                { value: 'table', label: '列表' },
                { value: 'calendar', label: '日历' },
              ]}
            />
            <Button onClick={() => navigate('/meetings/decisions')}>决定事项台账</Button>
            <Select<MeetingKind>
              className="hw-mt-filter"
              aria-label="按会议类型筛选"
              placeholder="全部类型"
              allowClear
              value={filters.kind}
              onChange={(kind) => setFilters({ ...filters, kind })}
              options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            />
            <Select<MeetingState>
              className="hw-mt-filter"
              aria-label="按状态筛选"
              placeholder="全部状态"
              allowClear
              value={filters.state}
              onChange={(state) => setFilters({ ...filters, state })}
              options={STATES.map((s) => ({ value: s, label: MEETING_STATE_LABELS[s] }))}
            />
            <Select<PersonId>
              className="hw-mt-filter"
              aria-label="按主持人筛选"
              placeholder="全部主持人"
              allowClear
              value={filters.chairId}
              onChange={(chairId) => setFilters({ ...filters, chairId })}
              options={meetingChairs(meetings).map((p) => ({ value: p, label: personName(registry, p) }))}
            />
            <Select<string>
              className="hw-mt-filter"
              aria-label="按月份筛选"
              placeholder="全部月份"
              allowClear
              value={filters.month}
              onChange={(month) => setFilters({ ...filters, month })}
              options={meetingMonths(meetings).map((m) => ({
                value: m,
                label: `${m.slice(0, 4)}年${Number(m.slice(5))}月`,
              }))}
            />
          </div>
          {view === 'calendar' ? (
            // The calendar shows the filtered meetings too; its month is picked in the calendar itself.
            <MeetingsCalendar meetings={visible} today={today} calendar={calendar} />
          ) : visible.length === 0 ? (
            <EmptyState title="没有符合条件的会议">请调整或清除上方的筛选条件。</EmptyState>
          ) : (
            <MeetingsTable rows={visible} registry={registry} calendar={calendar} today={today} />
          )}
        </>
      )}
    </>
  );
}
