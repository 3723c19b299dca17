/**
 * The meetings in a month calendar (antd Calendar): each day lists its meetings in their kind's colour, a
 * click opens the meeting. The month shown is the one the clerk picks; it starts at today's month.
 */
import { Calendar, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// antd's Calendar names weekdays and months through dayjs: load the Chinese locale (weeks start on Monday).
import 'dayjs/locale/zh-cn';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import {
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  type Meeting,
  type MeetingKind,
} from '../../../shared/domain/meeting';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { minutesBadge, type MinutesBadge } from './model';

export const KIND_COLOURS: Readonly<Record<MeetingKind, string>> = {
  plenary: 'magenta',
  partyGroup: 'red',
  executive: 'blue',
  headOffice: 'purple',
  special: 'green',
};

/** Meetings by day ("YYYY-MM-DD"), each day's in time order. */
export function meetingsByDay(meetings: readonly Meeting[]): ReadonlyMap<string, readonly Meeting[]> {
  const out = new Map<string, Meeting[]>();
  for (const m of meetings) out.set(m.date, [...(out.get(m.date) ?? []), m]);
  for (const list of out.values()) list.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  return out;
}

/** The art. 47 minutes badge as a short word for a calendar cell. */
export function minutesNote(badge: MinutesBadge): string {
  switch (badge.kind) {
    case 'none':
    case 'unknown':
      return '';
    case 'due':
      return `（纪要${badge.due}前起草）`;
    case 'overdue':
      return '（纪要已逾期）';
    default: {
      const never: never = badge;
      return never;
    }
  }
}

export function MeetingsCalendar({
  meetings,
  today,
  calendar,
}: {
  meetings: readonly Meeting[];
  today: IsoDate;
  calendar: WorkingDays;
}) {
  const [month, setMonth] = useState<Dayjs>(() => dayjs(today));
  const byDay = useMemo(() => meetingsByDay(meetings), [meetings]);

  return (
    <div data-testid="meetings-calendar">
      <Space wrap className="hw-af-legend" aria-label="会议类型颜色">
        {MEETING_KINDS.map((k) => (
          <Tag key={k} color={KIND_COLOURS[k]}>
            {MEETING_KIND_LABELS[k]}
          </Tag>
        ))}
      </Space>
      <Calendar
        value={month}
        onChange={setMonth}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(current.format('YYYY-MM-DD')) ?? [];
          if (list.length === 0) return null;
          return (
            <ul className="hw-af-day" data-testid={`calendar-day-${current.format('YYYY-MM-DD')}`}>
              {list.map((m) => {
                const badge = minutesBadge(m, calendar, today);
                return (
                  <li key={m.id}>
                    <Link
                      to={`/meetings/${m.id}`}
                      title={`${MEETING_KIND_LABELS[m.kind]}：${m.title}（${MEETING_STATE_LABELS[m.state]}）`}
                      onClick={(e) => e.stopPropagation()}
                    >
                      <Tag color={KIND_COLOURS[m.kind]} className="hw-af-day-tag">
                        {m.time ? `${m.time} ` : ''}
                        {m.title}
                      </Tag>
                    </Link>
                    {badge.kind === 'due' || badge.kind === 'overdue' ? (
                      <Tag color={badge.kind === 'overdue' ? 'red' : 'gold'} className="hw-af-day-tag">
                        {minutesNote(badge)}
                      </Tag>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          );
        }}
      />
    </div>
  );
}
