/**
 * 签到 on the day: 出席 / 请假 / 缺席 / 列席 per person, late arrivals, and for topic 列席 the topics they were in
 * the room for (art. 42). Saved as one action; the engine's 召开会议 checks read it (arts. 42, 46, 59).
 */
import { App, Button, Checkbox, Flex, Select, Table, Typography } from 'antd';
import type { TopicId } from '../../../shared/domain/ids';
import {
  activeTopics,
  SIGN_IN_LABELS,
  type Meeting,
  type SignIn,
  type SignInStatus,
} from '../../../shared/domain/meeting';
import { checkAbsences, checkTopicAttendance } from '../../../shared/domain/meeting-rules';
import { personName, type Registry } from '../../../shared/domain/registry';
import { FindingsPanel } from '../../ui/findings';
import { useMeetingDrafts } from './draft-store';
import { storeMessage } from './meetings-store';
import { setSignIn, signInSheet } from './model';
import { meetingsUi } from './use-meetings';

const STATUSES = Object.keys(SIGN_IN_LABELS) as SignInStatus[];

export function SignInTab({ meeting, registry }: { meeting: Meeting; registry: Registry }) {
  const { message } = App.useApp();
  // The sheet being filled in is kept per meeting (a reload or a failed save loses nothing); rows follow the
  // current list, so someone added or removed since keeps or loses their row.
  const kept = useMeetingDrafts((s) => s.signIns[meeting.id]);
  const keep = useMeetingDrafts((s) => s.setSignIns);
  const sheet: SignIn[] = signInSheet(meeting).map((b) => kept?.find((k) => k.personId === b.personId) ?? b);
  const setSheet = (next: SignIn[]) => keep(meeting.id, next);
  const preview: Meeting = { ...meeting, signIns: sheet };
  const findings = [...checkAbsences(preview, registry), ...checkTopicAttendance(preview, registry)];
  const topics = activeTopics(meeting);
  const open =
    meeting.state === 'noticeSent' || meeting.state === 'held' || meeting.state === 'agendaApproved';

  const save = async () => {
    try {
      await meetingsUi.getState().save(preview, '登记签到');
      keep(meeting.id, undefined);
      void message.success('签到已保存。');
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };

  if (meeting.attendees.length === 0) {
    return <Typography.Text type="secondary">先在“参会人员”中确定名单，开会当天再登记签到。</Typography.Text>;
  }
  return (
    <Flex vertical gap={12}>
      <Table<SignIn>
        size="small"
        rowKey="personId"
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="signin-table"
        dataSource={sheet}
        columns={[
          { title: '姓名', key: 'name', render: (_, s) => personName(registry, s.personId) },
          {
            title: '签到',
            key: 'status',
            render: (_, s) => (
              <Select<SignInStatus>
                size="small"
                aria-label={`${personName(registry, s.personId)}的签到`}
                className="hw-mt-filter"
                disabled={!open}
                value={s.status}
                onChange={(status) => setSheet(setSignIn(sheet, { ...s, status }))}
                options={STATUSES.map((v) => ({ value: v, label: SIGN_IN_LABELS[v] }))}
              />
            ),
          },
          {
            title: '迟到',
            key: 'late',
            render: (_, s) => (
              <Checkbox
                aria-label={`${personName(registry, s.personId)}迟到`}
                disabled={!open}
                checked={s.late === true}
                onChange={(e) => setSheet(setSignIn(sheet, { ...s, late: e.target.checked }))}
              />
            ),
          },
          {
            title: '在场议题',
            key: 'topics',
            render: (_, s) => (
              <Select<TopicId[]>
                size="small"
                mode="multiple"
                allowClear
                aria-label={`${personName(registry, s.personId)}在场的议题`}
                className="hw-mt-filter"
                placeholder="全部议题"
                disabled={!open}
                value={s.topicIds ? [...s.topicIds] : []}
                onChange={(ids) => {
                  const { topicIds: _old, ...rest } = s;
                  setSheet(setSignIn(sheet, ids.length > 0 ? { ...rest, topicIds: ids } : rest));
                }}
                options={topics.map((t) => ({ value: t.id, label: t.title }))}
              />
            ),
          },
        ]}
      />
      <span>
        <Button type="primary" disabled={!open} onClick={() => void save()}>
          保存签到
        </Button>
      </span>
      <FindingsPanel findings={findings} title="签到规则检查" testId="signin-findings" />
    </Flex>
  );
}
