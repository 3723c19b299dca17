/**
 * 议题: add, edit, reorder and withdraw topics; set each one (approval by whoever sets topics for the kind,
 * art. 45) behind the engine's gates — prior study, coordination, legality review of a major decision.
 */
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { finding } from '../../../shared/domain/findings';
import type { PersonId } from '../../../shared/domain/ids';
import type { Meeting, Topic } from '../../../shared/domain/meeting';
import { TOPIC_SETTER_TEXT, type MeetingRuleContext } from '../../../shared/domain/meeting-rules';
import { personName, unitName, type Registry } from '../../../shared/domain/registry';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { storeMessage } from './meetings-store';
import {
  approveTopic,
  draftFromTopic,
  EMPTY_TOPIC,
  moveTopic,
  nextTopicId,
  topicFromDraft,
  topicGate,
  upsertTopic,
  withdrawTopic,
  type TopicDraft,
} from './model';
import { useMeetingDrafts, type OpenTopicDraft } from './draft-store';
import { TopicForm } from './TopicForm';
import { meetingsUi } from './use-meetings';

const editable = (m: Meeting) => m.state === 'planned' || m.state === 'postponed';

export function AgendaTab({
  meeting,
  meetings,
  registry,
  ctx,
  today,
}: {
  meeting: Meeting;
  meetings: readonly Meeting[];
  registry: Registry;
  ctx: MeetingRuleContext;
  today: IsoDate;
}) {
  const { message } = App.useApp();
  // The open topic form lives in the drafts store, so a reload or a failed save loses nothing typed.
  const editing = useMeetingDrafts((s) => s.topics[meeting.id]);
  const setTopicDraft = useMeetingDrafts((s) => s.setTopic);
  const setEditing = (d: OpenTopicDraft | undefined) => setTopicDraft(meeting.id, d);
  const [approverId, setApproverId] = useState<PersonId>(meeting.chairId);
  const approvalOn = (today < meeting.date ? today : meeting.date) as IsoDate;
  const canEdit = editable(meeting);

  /** True when saved; on failure the clerk is told why and everything stays as it was. */
  const save = async (m: Meeting, context: string, done?: string): Promise<boolean> => {
    try {
      await meetingsUi.getState().save(m, context);
      if (done) void message.success(done);
      return true;
    } catch (e) {
      void message.error(storeMessage(e));
      return false;
    }
  };

  const saveTopic = async (draft: TopicDraft) => {
    const id = editing?.id ?? nextTopicId(meeting, () => `topic-${crypto.randomUUID()}`);
    const existing = meeting.topics.find((t) => t.id === id);
    const topic = topicFromDraft(draft, id, existing);
    const saved = await save(
      upsertTopic(meeting, topic),
      existing ? `修改议题“${topic.title}”` : `添加议题“${topic.title}”`,
      '议题已保存。',
    );
    // A failed save keeps the form open with what was typed.
    if (saved) setEditing(undefined);
  };

  const topics = meeting.topics;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!canEdit}
          onClick={() => setEditing({ openedTitle: '', draft: EMPTY_TOPIC })}
        >
          添加议题
        </Button>
        <span>议题确定人：</span>
        <Select<PersonId>
          aria-label="议题确定人"
          className="hw-mt-filter"
          value={approverId}
          onChange={setApproverId}
          options={[
            ...new Set([
              meeting.chairId,
              meeting.convenorId,
              ...(meeting.acting ? [meeting.acting.forId] : []),
            ]),
          ].map((p) => ({
            value: p,
            label: personName(registry, p),
          }))}
        />
        <Typography.Text type="secondary">{TOPIC_SETTER_TEXT[meeting.kind]}（第四十五条）。</Typography.Text>
      </Space>
      {!canEdit ? <Typography.Text type="secondary">议题已审定，不能再修改。</Typography.Text> : null}
      {topics.length === 0 ? <Empty description="还没有议题。点击“添加议题”。" /> : null}
      {topics.map((t, i) => (
        <TopicCard
          key={t.id}
          index={i}
          count={topics.length}
          topic={t}
          registry={registry}
          canEdit={canEdit}
          findings={
            t.withdrawn || t.approval
              ? []
              : topicGate(meeting, t.id, { byId: approverId, on: approvalOn }, ctx)
          }
          onEdit={() => setEditing({ id: t.id, openedTitle: t.title, draft: draftFromTopic(t) })}
          onMove={(delta) => void save(moveTopic(meeting, t.id, delta), `调整议题顺序“${t.title}”`)}
          onWithdraw={() => void save(withdrawTopic(meeting, t.id), `撤回议题“${t.title}”`, '议题已撤回。')}
          onApprove={async (reason, findings) => {
            await save(
              approveTopic(meeting, t.id, { byId: approverId, on: approvalOn }),
              auditContext(
                `确定议题“${t.title}”（${personName(registry, approverId)}）`,
                findings.filter((f) => f.severity === 'warn'),
                reason,
              ),
              '议题已确定上会。',
            );
          }}
        />
      ))}
      {editing && canEdit ? (
        <TopicForm
          open
          title={editing.id === undefined ? '添加议题' : `编辑议题：${editing.openedTitle}`}
          initial={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          meeting={meeting}
          meetings={meetings}
          registry={registry}
          onCancel={() => setEditing(undefined)}
          onSave={saveTopic}
        />
      ) : null}
    </Flex>
  );
}

function TopicCard({
  index,
  count,
  topic: t,
  registry,
  canEdit,
  findings,
  onEdit,
  onMove,
  onWithdraw,
  onApprove,
}: {
  index: number;
  count: number;
  topic: Topic;
  registry: Registry;
  canEdit: boolean;
  findings: ReturnType<typeof topicGate>;
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onWithdraw: () => void;
  onApprove: (reason: string | undefined, findings: ReturnType<typeof topicGate>) => Promise<void>;
}) {
  const status = t.withdrawn ? (
    <Tag>已撤回</Tag>
  ) : t.approval ? (
    <Tag color="green">
      已确定（{personName(registry, t.approval.byId)} {t.approval.on}）
    </Tag>
  ) : (
    <Tag color="orange">待确定</Tag>
  );
  // Withdrawing is a decision like any other: it asks for a reason for the audit trail.
  const withdrawWarning = [
    finding(
      'topic.withdraw',
      [45],
      'warn',
      { kind: 'topic', id: t.id },
      `撤回议题“${t.title}”后，该议题不再上会。`,
    ),
  ];
  return (
    <Card
      size="small"
      data-testid={`topic-${index + 1}`}
      title={
        <Space wrap>
          <span>
            {index + 1}. {t.title}
          </span>
          {status}
          {t.major ? <Tag color="purple">重大决策</Tag> : null}
        </Space>
      }
      extra={
        <span className="hw-mt-topic-actions">
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`上移议题“${t.title}”`}
            disabled={!canEdit || index === 0}
            onClick={() => onMove(-1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`下移议题“${t.title}”`}
            disabled={!canEdit || index === count - 1}
            onClick={() => onMove(1)}
          />
          <Button size="small" disabled={!canEdit || t.withdrawn === true} onClick={onEdit}>
            编辑
          </Button>
          {canEdit && !t.withdrawn ? (
            <GatedButton
              label="撤回"
              type="default"
              size="small"
              findings={withdrawWarning}
              onConfirm={() => onWithdraw()}
            />
          ) : null}
          {canEdit && !t.withdrawn && !t.approval ? (
            <GatedButton
              label="确定上会"
              size="small"
              findings={findings}
              onConfirm={(reason) => onApprove(reason, findings)}
            />
          ) : null}
        </span>
      }
    >
      <Typography.Paragraph>
        汇报单位：
        {t.reportingUnitIds.length ? t.reportingUnitIds.map((u) => unitName(registry, u)).join('、') : '—'}；
        分管副区长：{t.responsibleDeputyId ? personName(registry, t.responsibleDeputyId) : '—'}
        {t.major?.legalityReview
          ? `；合法性审查：${t.major.legalityReview.on} ${unitName(registry, t.major.legalityReview.byUnitId)}（${t.major.legalityReview.lawful ? '合法' : '不合法'}）`
          : ''}
      </Typography.Paragraph>
      {t.proposedDecision ? (
        <Typography.Paragraph type="secondary">拟决定：{t.proposedDecision}</Typography.Paragraph>
      ) : null}
      {!t.withdrawn && !t.approval && canEdit ? (
        <FindingsPanel
          findings={findings}
          title="确定上会前的规则检查"
          emptyText="规则检查通过，可以确定上会。"
          testId={`topic-${index + 1}-findings`}
        />
      ) : null}
    </Card>
  );
}
