/**
 * 参会人员: the list the rules imply for the kind and its topics (arts. 40–44: members, fixed 列席, 列席 for
 * their own topic only, invitations), adjustable; every adjustment away from the rules asks for a reason,
 * which goes into the audit entry.
 */
import { App, Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { articleLabel, finding, type Finding } from '../../../shared/domain/findings';
import type { PersonId } from '../../../shared/domain/ids';
import {
  ATTENDEE_ROLE_LABELS,
  MEETING_KIND_ARTICLE,
  type Attendee,
  type AttendeeRole,
  type Meeting,
} from '../../../shared/domain/meeting';
import {
  checkMeetingStep,
  expectedAttendees,
  regenerateAttendees,
  type MeetingRuleContext,
} from '../../../shared/domain/meeting-rules';
import { personName, unitName, type Registry } from '../../../shared/domain/registry';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { storeMessage } from './meetings-store';
import { addAttendee, attendeeDiff, removeAttendee, toAttendee } from './model';
import { meetingsUi } from './use-meetings';

const ROLES = Object.keys(ATTENDEE_ROLE_LABELS) as AttendeeRole[];
const ATTENDEE_RULES = /^meeting\.(attendee|attendees|assistant)\b/;

export function AttendeesTab({
  meeting,
  registry,
  ctx,
}: {
  meeting: Meeting;
  registry: Registry;
  ctx: MeetingRuleContext;
}) {
  const { message } = App.useApp();
  const [addId, setAddId] = useState<PersonId | undefined>();
  const [addRole, setAddRole] = useState<AttendeeRole>('invited');
  const expected = expectedAttendees(meeting, registry);
  const { missing } = attendeeDiff(meeting, registry);
  const optional = expected.filter(
    (e) => e.optional && !meeting.attendees.some((a) => a.personId === e.personId),
  );
  const art = MEETING_KIND_ARTICLE[meeting.kind];
  const canEdit =
    meeting.state === 'planned' || meeting.state === 'agendaApproved' || meeting.state === 'postponed';

  const findings = [
    ...checkMeetingStep(meeting, 'plan', ctx),
    ...checkMeetingStep(meeting, 'sendNotice', ctx),
  ].filter(
    (f, i, all) => ATTENDEE_RULES.test(f.ruleId) && all.findIndex((g) => g.message === f.message) === i,
  );

  /** True when saved; on failure the clerk is told why and the choice on screen stays. */
  const save = async (m: Meeting, context: string): Promise<boolean> => {
    try {
      await meetingsUi.getState().save(m, context);
      return true;
    } catch (e) {
      void message.error(storeMessage(e));
      return false;
    }
  };

  const isExpected = (p: PersonId) => expected.some((e) => e.personId === p);
  const removalWarning = (a: Attendee): Finding[] =>
    isExpected(a.personId)
      ? [
          finding(
            'meeting.attendees.adjust',
            [art],
            'warn',
            { kind: 'person', id: a.personId },
            `${personName(registry, a.personId)}是按规则应参会的人员，移出名单须说明理由。`,
          ),
        ]
      : [];
  const addWarning: Finding[] =
    addId !== undefined && !isExpected(addId)
      ? [
          finding(
            'meeting.attendees.adjust',
            [art],
            'warn',
            { kind: 'person', id: addId },
            `${personName(registry, addId)}不在规则确定的参会范围内，加入名单须说明理由。`,
          ),
        ]
      : [];

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Button
          type="primary"
          disabled={!canEdit}
          onClick={() =>
            void save({ ...meeting, attendees: regenerateAttendees(meeting, registry) }, '按规则生成参会名单')
          }
        >
          按规则生成参会名单
        </Button>
        <Typography.Text type="secondary">
          按会议类型和议题确定（{articleLabel(art)}）；规则要求的有{' '}
          {expected.filter((e) => !e.optional).length} 人，尚缺 {missing.length} 人。
        </Typography.Text>
      </Space>
      <Table<Attendee>
        size="small"
        rowKey="personId"
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="attendees-table"
        locale={{ emptyText: '名单为空。点击“按规则生成参会名单”。' }}
        dataSource={[...meeting.attendees]}
        columns={[
          { title: '姓名', key: 'name', render: (_, a) => personName(registry, a.personId) },
          { title: '参会方式', key: 'role', render: (_, a) => <Tag>{ATTENDEE_ROLE_LABELS[a.role]}</Tag> },
          { title: '单位', key: 'unit', render: (_, a) => (a.unitId ? unitName(registry, a.unitId) : '—') },
          {
            title: '列席议题',
            key: 'topics',
            render: (_, a) =>
              a.topicIds?.map((id) => meeting.topics.find((t) => t.id === id)?.title ?? id).join('、') ??
              '全部',
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, a) =>
              canEdit ? (
                <GatedButton
                  label="移出"
                  type="link"
                  size="small"
                  findings={removalWarning(a)}
                  onConfirm={async (reason) => {
                    await save(
                      removeAttendee(meeting, a.personId),
                      auditContext(
                        `移出参会人员${personName(registry, a.personId)}`,
                        removalWarning(a),
                        reason,
                      ),
                    );
                  }}
                />
              ) : null,
          },
        ]}
      />
      {canEdit ? (
        <Space wrap>
          <Select<PersonId>
            aria-label="加入参会人员"
            className="hw-mt-filter"
            placeholder="选择人员"
            showSearch={{ optionFilterProp: 'label' }}
            value={addId}
            onChange={(p) => {
              setAddId(p);
              const e = expected.find((x) => x.personId === p);
              if (e) setAddRole(e.role);
            }}
            options={[
              ...optional.map((e) => ({
                value: e.personId,
                label: `${personName(registry, e.personId)}（可邀请列席）`,
              })),
              ...registry.people
                .filter(
                  (p) =>
                    !meeting.attendees.some((a) => a.personId === p.id) &&
                    !optional.some((e) => e.personId === p.id),
                )
                .map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <Select<AttendeeRole>
            aria-label="参会方式"
            className="hw-mt-filter"
            value={addRole}
            onChange={setAddRole}
            options={ROLES.filter((r) => r !== 'topicNonVoting' && r !== 'assistant').map((r) => ({
              value: r,
              label: ATTENDEE_ROLE_LABELS[r],
            }))}
          />
          {addId !== undefined ? (
            <GatedButton
              label="加入名单"
              type="default"
              findings={addWarning}
              onConfirm={async (reason) => {
                const e = expected.find((x) => x.personId === addId);
                const a: Attendee =
                  e && e.role === addRole ? toAttendee(e) : { personId: addId, role: addRole };
                if (
                  await save(
                    addAttendee(meeting, a),
                    auditContext(`加入参会人员${personName(registry, addId)}`, addWarning, reason),
                  )
                )
                  setAddId(undefined);
              }}
            />
          ) : null}
        </Space>
      ) : null}
      <FindingsPanel findings={findings} title="参会人员规则检查" testId="attendee-findings" />
    </Flex>
  );
}
