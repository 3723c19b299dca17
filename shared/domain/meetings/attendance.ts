/**
 * Before and during the meeting: materials delivered to every attendee (art. 45), leave asked of the chair
 * (arts. 46, 59), absences, and the designated recorder (art. 47).
 */
import { finding, type Finding } from '../findings';
import { activeTopics, type Meeting } from '../meeting';
import { actingFor, isAway, personName, type Registry } from '../registry';
import { joinNames, meetingRef, topicTitles } from './context';

/** Art. 45: 文件和议题于会前送达与会人员. Assistants get materials through the person they assist. */
export function checkMaterials(m: Meeting, reg: Registry): Finding[] {
  const people = [...new Set(m.attendees.filter((a) => a.role !== 'assistant').map((a) => a.personId))];
  const onLeave = new Set(m.leaves.filter((l) => l.decision?.approved === true).map((l) => l.personId));
  const late = people.filter(
    (p) => !onLeave.has(p) && !m.deliveries.some((d) => d.personId === p && d.on < m.date),
  );
  if (late.length === 0) return [];
  return [
    finding(
      'meeting.materials.undelivered',
      [45],
      'warn',
      meetingRef(m),
      `以下与会人员尚未在会前收到会议文件和议题：${joinNames(late.map((p) => personName(reg, p)))}。请送达并登记。`,
    ),
  ];
}

/** Arts. 46, 59: leave is asked of the meeting's chair, who decides. */
export function checkLeaves(m: Meeting, reg: Registry): Finding[] {
  const out: Finding[] = [];
  const arts = m.important === true ? [46, 59] : [46];
  const chair = personName(reg, m.chairId);
  for (const l of m.leaves) {
    const ref = { kind: 'leave' as const, id: l.id };
    const who = personName(reg, l.personId);
    if (l.askedOfId !== m.chairId) {
      out.push(
        finding(
          'meeting.leave.askedOf',
          arts,
          'warn',
          ref,
          `${who}向${personName(reg, l.askedOfId)}请假；不能出席或列席会议的，需向会议主持人${chair}请假，请补办。`,
        ),
      );
    }
    if (l.decision === undefined) {
      out.push(
        finding(
          'meeting.leave.undecided',
          arts,
          'warn',
          ref,
          `${who}的请假尚无会议主持人${chair}的批准意见，请登记批准情况。`,
        ),
      );
    } else if (l.decision.byId !== m.chairId) {
      out.push(
        finding(
          'meeting.leave.decidedBy',
          arts,
          'warn',
          ref,
          `${who}的请假由${personName(reg, l.decision.byId)}批准，应由会议主持人${chair}批准，请核实。`,
        ),
      );
    }
  }
  return out;
}

/** Arts. 46, 59: an absent attendee without approved leave. */
export function checkAbsences(m: Meeting, reg: Registry): Finding[] {
  const approved = new Set(m.leaves.filter((l) => l.decision?.approved === true).map((l) => l.personId));
  const absent = m.signIns
    .filter((s) => (s.status === 'absent' || s.status === 'onLeave') && !approved.has(s.personId))
    .map((s) => s.personId);
  if (absent.length === 0) return [];
  const important = m.important === true;
  return [
    finding(
      'meeting.absence.noLeave',
      important ? [46, 59] : [46],
      'warn',
      meetingRef(m),
      `以下人员未出席且没有经会议主持人批准的请假：${joinNames(absent.map((p) => personName(reg, p)))}。${important ? '本次为重要会议，须履行请假手续。' : '请补办请假手续或登记缺席原因。'}`,
    ),
  ];
}

/** Art. 47: the office designates a recorder; the record of each topic is kept by that recorder. */
export function checkRecorder(m: Meeting): Finding[] {
  if (m.recorderId !== undefined) return [];
  return [
    finding(
      'meeting.recorder.missing',
      [47],
      'block',
      meetingRef(m),
      '尚未确定会议纪录人。会议由区政府办公室确定专人负责做好会议纪录，请指定纪录人。',
    ),
  ];
}

export function checkRecords(m: Meeting, reg: Registry): Finding[] {
  const out: Finding[] = [];
  for (const r of m.records) {
    if (m.recorderId !== undefined && r.recorderId !== m.recorderId) {
      out.push(
        finding(
          'meeting.record.recorder',
          [47],
          'warn',
          { kind: 'topic', id: r.topicId },
          `议题${topicTitles(m, [r.topicId])}的会议纪录由${personName(reg, r.recorderId)}记录，本次会议指定的纪录人是${personName(reg, m.recorderId)}，请核实。`,
        ),
      );
    }
  }
  const missing = activeTopics(m).filter((t) => !m.records.some((r) => r.topicId === t.id));
  if (missing.length > 0) {
    out.push(
      finding(
        'meeting.record.missing',
        [47],
        'warn',
        meetingRef(m),
        `以下议题没有会议纪录：${joinNames(missing.map((t) => `“${t.title}”`))}。请补充纪录后起草纪要。`,
      ),
    );
  }
  return out;
}

/**
 * Arts. 9, 46: someone on the list is away (travel report) on the meeting day without a leave request —
 * remind the clerk to obtain leave from the chair and name who covers their work.
 */
export function checkAwayAttendees(m: Meeting, reg: Registry): Finding[] {
  const asked = new Set(m.leaves.map((l) => l.personId));
  const listed = [...new Set(m.attendees.filter((a) => a.role !== 'assistant').map((a) => a.personId))];
  return listed
    .filter((p) => p !== m.chairId && !asked.has(p) && isAway(reg, p, m.date))
    .map((p) => {
      const acting = actingFor(reg, p, m.date);
      return finding(
        'meeting.attendee.away',
        [9, 46],
        'warn',
        { kind: 'attendance', id: p },
        `${personName(reg, p)}${m.date}外出，不能参会的需向会议主持人${personName(reg, m.chairId)}请假。${acting ? `其工作由${personName(reg, acting.actingId)}代管，可视需要通知其参会。` : ''}`,
      );
    });
}
