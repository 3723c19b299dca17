/**
 * Add or edit a topic (议题, art. 45): reporting unit, responsible deputy (default from the portfolio, art. 8),
 * proposed decision, prior study, departments disagreeing (linked 专题会议), and for a major decision the
 * procedures of arts. 23, 25 and 27. Checks run when the topic is set, not here: a topic may be saved
 * incomplete and finished later.
 */
import { Checkbox, Divider, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  ART27_DOMAIN_LABELS,
  MEETING_KIND_LABELS,
  type Art27Domain,
  type Meeting,
} from '../../../shared/domain/meeting';
import {
  deputyHeadsOn,
  districtHeadOn,
  personName,
  unitsWithRole,
  type Registry,
} from '../../../shared/domain/registry';
import { defaultDeputy, topicDraftErrors, type TopicDraft } from './model';

const ART27_DOMAINS = Object.keys(ART27_DOMAIN_LABELS) as Art27Domain[];

function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  error?: string | undefined;
}) {
  return (
    <Form.Item label={label} {...(error ? { validateStatus: 'error' as const, help: error } : {})}>
      <Input
        type="date"
        aria-label={label}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    </Form.Item>
  );
}

export function TopicForm({
  open,
  title,
  initial,
  onChange,
  meeting,
  meetings,
  registry,
  onCancel,
  onSave,
}: {
  open: boolean;
  /** The dialog's title; by default 添加议题 for an empty draft, else 编辑议题 with its title. */
  title?: string;
  initial: TopicDraft;
  /** Every change, so the caller can keep the draft (it survives a reload). */
  onChange?: (draft: TopicDraft) => void;
  meeting: Meeting;
  meetings: readonly Meeting[];
  registry: Registry;
  onCancel: () => void;
  onSave: (draft: TopicDraft) => Promise<void>;
}) {
  // The 法制机构 is the reviewing unit (art. 23): preset it for a major topic whose review is not yet recorded.
  const [d, setD] = useState<TopicDraft>(() => {
    const legal = unitsWithRole(registry, 'legalAffairs')[0];
    return initial.major && initial.legalityUnitId === undefined && legal
      ? { ...initial, legalityUnitId: legal.id }
      : initial;
  });
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<TopicDraft>) => {
    const next = { ...d, ...patch };
    setD(next);
    onChange?.(next);
  };
  const errors = topicDraftErrors(d);
  const show = (k: keyof TopicDraft) =>
    tried && errors[k] ? { validateStatus: 'error' as const, help: errors[k] } : {};

  const date = meeting.date;
  const leaders = [
    ...new Set([
      ...(districtHeadOn(registry, date) ? [districtHeadOn(registry, date)] : []),
      ...deputyHeadsOn(registry, date),
    ]),
  ];
  const leaderOptions = leaders.flatMap((p) =>
    p ? [{ value: p as string, label: personName(registry, p) }] : [],
  );
  const unitOptions = registry.units
    .filter((u) => u.kind !== 'outside')
    .map((u) => ({ value: u.id as string, label: u.name }));
  const legalUnits = unitsWithRole(registry, 'legalAffairs');
  const coordinating = meetings
    .filter((m) => m.kind === 'special' && m.id !== meeting.id && m.date <= date)
    .map((m) => ({ value: m.id as string, label: `${m.date} ${m.title}（${MEETING_KIND_LABELS[m.kind]}）` }));

  return (
    <Modal
      open={open}
      title={title ?? (initial.title === '' ? '添加议题' : `编辑议题：${initial.title}`)}
      okText="保存议题"
      cancelText="取消"
      width={760}
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        setTried(true);
        if (Object.keys(topicDraftErrors(d)).length > 0) return;
        await onSave(d);
      }}
    >
      <Form layout="vertical">
        <Form.Item label="议题名称" required {...show('title')}>
          <Input
            aria-label="议题名称"
            value={d.title}
            maxLength={200}
            onChange={(e) => set({ title: e.target.value })}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="汇报单位">
            <Select<string[]>
              mode="multiple"
              aria-label="汇报单位"
              className="hw-mt-filter"
              showSearch={{ optionFilterProp: 'label' }}
              value={[...d.reportingUnitIds]}
              options={unitOptions}
              onChange={(ids) =>
                set({
                  reportingUnitIds: ids,
                  // The deputy in charge of the unit, unless the clerk already chose one (art. 8).
                  ...(d.responsibleDeputyId === undefined
                    ? { responsibleDeputyId: defaultDeputy(registry, ids, date) }
                    : {}),
                })
              }
            />
          </Form.Item>
          <Form.Item label="分管副区长" extra="默认按分工带出，可修改。">
            <Select<string>
              aria-label="分管副区长"
              allowClear
              className="hw-mt-filter"
              value={d.responsibleDeputyId}
              options={leaderOptions}
              onChange={(responsibleDeputyId) => set({ responsibleDeputyId })}
            />
          </Form.Item>
        </Space>
        <Form.Item label="拟决定事项（明确意见）" extra="没有明确意见的议题不上会（第四十五条）。">
          <Input.TextArea
            aria-label="拟决定事项"
            rows={2}
            maxLength={2000}
            value={d.proposedDecision}
            onChange={(e) => set({ proposedDecision: e.target.value })}
          />
        </Form.Item>
        <Form.Item label="会议材料（每行一项）">
          <Input.TextArea
            aria-label="会议材料"
            rows={2}
            value={d.materials}
            onChange={(e) => set({ materials: e.target.value })}
          />
        </Form.Item>
        <Divider titlePlacement="start">会前研究（第四十五条）</Divider>
        <Space wrap align="start">
          <DateField
            label="研究日期"
            value={d.priorStudyOn}
            onChange={(priorStudyOn) =>
              set({
                priorStudyOn,
                ...(priorStudyOn && d.priorStudyById === undefined && d.responsibleDeputyId
                  ? { priorStudyById: d.responsibleDeputyId }
                  : {}),
              })
            }
          />
          <Form.Item label="组织研究的领导" {...show('priorStudyById')}>
            <Select<string>
              aria-label="组织研究的领导"
              allowClear
              className="hw-mt-filter"
              value={d.priorStudyById}
              options={leaderOptions}
              onChange={(priorStudyById) => set({ priorStudyById })}
            />
          </Form.Item>
        </Space>
        <Form.Item label="初步意见">
          <Input.TextArea
            aria-label="初步意见"
            rows={2}
            value={d.priorStudyView}
            onChange={(e) => set({ priorStudyView: e.target.value })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={d.departmentsDisagree}
            onChange={(e) => set({ departmentsDisagree: e.target.checked })}
          >
            部门意见不一致（须先召开专题会议协调）
          </Checkbox>
        </Form.Item>
        {d.departmentsDisagree ? (
          <Form.Item
            label="协调的专题会议"
            extra={
              coordinating.length === 0
                ? '还没有本次会议之前的专题会议，请先筹备并召开专题会议协调。'
                : undefined
            }
          >
            <Select<string>
              aria-label="协调的专题会议"
              allowClear
              value={d.coordinatingMeetingId}
              options={coordinating}
              onChange={(coordinatingMeetingId) => set({ coordinatingMeetingId })}
            />
          </Form.Item>
        ) : null}
        <Form.Item>
          <Checkbox
            checked={d.major}
            onChange={(e) =>
              set({
                major: e.target.checked,
                ...(e.target.checked && d.legalityUnitId === undefined && legalUnits[0]
                  ? { legalityUnitId: legalUnits[0].id }
                  : {}),
              })
            }
          >
            重大决策事项（第二十三条至第二十七条）
          </Checkbox>
        </Form.Item>
        {d.major ? (
          <>
            <Divider titlePlacement="start">合法性审查（第二十三条）</Divider>
            <Space wrap align="start">
              <DateField
                label="审查日期"
                value={d.legalityOn}
                onChange={(legalityOn) => set({ legalityOn })}
              />
              <Form.Item label="审查单位" {...show('legalityUnitId')}>
                <Select<string>
                  aria-label="审查单位"
                  className="hw-mt-filter"
                  allowClear
                  value={d.legalityUnitId}
                  options={[
                    ...legalUnits.map((u) => ({ value: u.id as string, label: u.name })),
                    ...unitOptions.filter((o) => !legalUnits.some((u) => u.id === o.value)),
                  ]}
                  onChange={(legalityUnitId) => set({ legalityUnitId })}
                />
              </Form.Item>
              <Form.Item label="审查结论">
                <Checkbox
                  checked={d.legalityLawful}
                  onChange={(e) => set({ legalityLawful: e.target.checked })}
                >
                  合法
                </Checkbox>
              </Form.Item>
            </Space>
            <Divider titlePlacement="start">公众参与、专家论证、风险评估（第二十三条）</Divider>
            <Space wrap align="start">
              <DateField
                label="公众参与日期"
                value={d.publicParticipationOn}
                onChange={(publicParticipationOn) => set({ publicParticipationOn })}
              />
              <DateField
                label="专家论证日期"
                value={d.expertReviewOn}
                onChange={(expertReviewOn) => set({ expertReviewOn })}
              />
              <DateField
                label="风险评估日期"
                value={d.riskAssessmentOn}
                onChange={(riskAssessmentOn) => set({ riskAssessmentOn })}
              />
            </Space>
            <Form.Item>
              <Checkbox
                checked={d.publicInterestAtStake}
                onChange={(e) => set({ publicInterestAtStake: e.target.checked })}
              >
                涉及重大公共利益或可能影响社会稳定（第二十五条）
              </Checkbox>
            </Form.Item>
            {d.publicInterestAtStake ? (
              <Space wrap align="start">
                <DateField
                  label="社会稳定风险评估日期"
                  value={d.stabilityOn}
                  onChange={(stabilityOn) => set({ stabilityOn })}
                />
                <Form.Item label="第三方评估机构" {...show('stabilityThirdParty')}>
                  <Input
                    aria-label="第三方评估机构"
                    value={d.stabilityThirdParty}
                    onChange={(e) => set({ stabilityThirdParty: e.target.value })}
                  />
                </Form.Item>
                <DateField
                  label="听证日期"
                  value={d.hearingOn}
                  onChange={(hearingOn) => set({ hearingOn })}
                />
              </Space>
            ) : null}
            <Space wrap align="start">
              <Form.Item label="须报区委同意的领域（第二十七条）">
                <Select<Art27Domain>
                  aria-label="须报区委同意的领域"
                  allowClear
                  className="hw-mt-filter"
                  value={d.art27Domain}
                  options={ART27_DOMAINS.map((k) => ({ value: k, label: ART27_DOMAIN_LABELS[k] }))}
                  onChange={(art27Domain) => set({ art27Domain })}
                />
              </Form.Item>
              {d.art27Domain ? (
                <DateField
                  label="区委同意日期"
                  value={d.consentOn}
                  onChange={(consentOn) => set({ consentOn })}
                />
              ) : null}
            </Space>
          </>
        ) : null}
        <Typography.Text type="secondary">
          保存后可随时补充；议题确定前，系统按《工作规则》逐项检查。
        </Typography.Text>
      </Form>
    </Modal>
  );
}
