/**
 * 会议纪录 (art. 47): the designated recorder's record of each topic. The minutes draft takes each topic's
 * 议定事项 from its record (see agreedItemsDraft), so what was recorded is what goes to the signer.
 */
import { Alert, Card, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PersonId, TopicId } from '../../../shared/domain/ids';
import { activeTopics, type Meeting, type Topic } from '../../../shared/domain/meeting';
import {
  checkRecords,
  checkTopicRecord,
  recordOf,
  saveTopicRecord,
} from '../../../shared/domain/meeting-rules';
import { personName, type Registry } from '../../../shared/domain/registry';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { pinyinFilter } from './DecisionsTab';
import { recordKey, useAftermathDrafts } from './aftermath-drafts';
import { useMeetingAction } from './use-meeting-action';

export function RecordsTab({ meeting, registry }: { meeting: Meeting; registry: Registry }) {
  const [recorderId, setRecorderId] = useState<PersonId | undefined>(meeting.recorderId);
  const topics = activeTopics(meeting);
  if (topics.length === 0) {
    return <Alert type="info" showIcon title="还没有议题。会议纪录按议题登记（第四十七条）。" />;
  }
  return (
    <Flex vertical gap={12} data-testid="records-tab">
      <FindingsPanel
        findings={checkRecords(meeting, registry)}
        title="会议纪录检查"
        emptyText="每个议题都有指定纪录人的纪录。"
        testId="records-findings"
      />
      <Space wrap>
        <span>纪录人：</span>
        <Select<PersonId>
          aria-label="纪录人"
          className="hw-af-select-sm"
          showSearch={{ filterOption: pinyinFilter }}
          value={recorderId}
          onChange={setRecorderId}
          options={registry.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Typography.Text type="secondary">
          本次会议指定的纪录人：{meeting.recorderId ? personName(registry, meeting.recorderId) : '未指定'}
          。起草纪要时， 议定事项按各议题的纪录预填。
        </Typography.Text>
      </Space>
      {topics.map((t, i) => (
        <TopicRecordCard
          key={`${t.id}-${recordOf(meeting, t.id)?.text ?? ''}`}
          index={i + 1}
          meeting={meeting}
          topic={t}
          recorderId={recorderId}
          registry={registry}
        />
      ))}
    </Flex>
  );
}

function TopicRecordCard({
  index,
  meeting,
  topic,
  recorderId,
  registry,
}: {
  index: number;
  meeting: Meeting;
  topic: Topic;
  recorderId: PersonId | undefined;
  registry: Registry;
}) {
  const act = useMeetingAction();
  const saved = recordOf(meeting, topic.id);
  // What is typed is a draft until saved (a long record survives a reload or a failed save).
  const key = recordKey(meeting.id, topic.id);
  const draft = useAftermathDrafts((s) => s.records[key]);
  const setDraft = useAftermathDrafts((s) => s.setRecord);
  const text = draft ?? saved?.text ?? '';
  const setText = (t: string) => setDraft(key, t);
  const [tried, setTried] = useState(false);
  const findings = checkTopicRecord(meeting, recorderId);
  const topicId: TopicId = topic.id;
  const empty = text.trim() === '' || recorderId === undefined;

  const save = async (reason: string | undefined) => {
    setTried(true);
    if (empty || recorderId === undefined) return;
    const ok = await act(
      meeting.id,
      (m) => saveTopicRecord(m, topicId, recorderId, text),
      auditContext(`登记会议纪录（议题“${topic.title}”）`, findings, reason),
      `已保存议题“${topic.title}”的会议纪录。`,
    );
    if (ok) setDraft(key, undefined);
  };

  return (
    <Card
      size="small"
      data-testid={`record-${index}`}
      title={`${index}. ${topic.title}`}
      extra={
        saved ? (
          <Tag color="success">已纪录（{personName(registry, saved.recorderId)}）</Tag>
        ) : (
          <Tag color="warning">未纪录</Tag>
        )
      }
    >
      <Flex vertical gap={8}>
        <Input.TextArea
          aria-label={`议题${index}的会议纪录`}
          rows={4}
          maxLength={20000}
          placeholder={
            topic.proposedDecision ? `拟决定事项：${topic.proposedDecision}` : '会议讨论情况和议定意见'
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {tried && empty ? (
          <Typography.Text type="danger">
            {recorderId === undefined ? '请选择纪录人' : '请填写会议纪录的内容'}
          </Typography.Text>
        ) : null}
        <span>
          {empty ? (
            <GatedButton
              label="保存纪录"
              findings={findings.filter((f) => f.severity === 'block')}
              onConfirm={() => setTried(true)}
            />
          ) : (
            <GatedButton label="保存纪录" findings={findings} onConfirm={save} />
          )}
        </span>
      </Flex>
    </Card>
  );
}
