/**
 * 拟稿: the art. 52 questions first ("is a document needed at all?" — a "yes" that rules it out stops here and
 * says what to do instead), then kind, issuer, direction, recipients, 密级/紧急程度, and the body. The draft is
 * kept in localStorage until it is registered, so a reload loses nothing.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { shanghaiTimestamp } from '../../../../shared/audit';
import { shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  checkDocumentStep,
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  COUNTERPART_SIGNER_POSTS,
  COUNTERPART_SIGNER_POST_LABELS,
  DOCUMENT_DIRECTIONS,
  DOCUMENT_DIRECTION_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  ISSUER_KIND_LABELS,
  NECESSITY_QUESTIONS,
  RECIPIENT_LEVEL_LABELS,
  requiredSigning,
  RESERVED_CONTENTS,
  RESERVED_CONTENT_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type Classification,
  type CounterpartSignerPost,
  type DocumentDirection,
  type DocumentKind,
  type IssuerKind,
  type RecipientLevel,
  type ReservedContent,
  type Urgency,
} from '../../../../shared/domain/documents';
import { finding } from '../../../../shared/domain/findings';
import { deputyHeadsOn, personName, type Registry } from '../../../../shared/domain/registry';
import { currentOperator } from '../../../data';
import { auditContext, FindingsPanel, GatedButton } from '../../../ui/findings';
import { BodyEditor } from './BodyEditor';
import { useOutgoingDraft } from './draft-store';
import {
  COMMON_KINDS,
  draftDocument,
  flowOf,
  missingFields,
  necessityFindings,
  recordOfDraft,
  type NecessityKey,
  type NewOutgoingDraft,
} from './model';
import { storeMessage, useOutgoingUi } from './use-outgoing';

const ISSUER_KINDS = Object.keys(ISSUER_KIND_LABELS) as IssuerKind[];
const LEVELS = Object.keys(RECIPIENT_LEVEL_LABELS) as RecipientLevel[];
const OTHER_KINDS = DOCUMENT_KINDS.filter((k) => !COMMON_KINDS.includes(k));

function NecessityPage({ draft, today }: { draft: NewOutgoingDraft; today: IsoDate }) {
  const update = useOutgoingDraft((s) => s.update);
  const setPage = useOutgoingDraft((s) => s.setPage);
  const reset = useOutgoingDraft((s) => s.reset);
  const navigate = useNavigate();
  const findings = necessityFindings(draft, today);
  const answered = NECESSITY_QUESTIONS.every((q) => draft.necessity[q.question] !== undefined);
  const refused = answered && findings.some((f) => f.severity === 'block');
  return (
    <Card size="small" title="是否需要发文（第五十二条）" className="hw-og-form">
      <Typography.Paragraph>起草前请逐项回答。能不发的文件不发，能短则短。</Typography.Paragraph>
      {NECESSITY_QUESTIONS.map((q, i) => (
        <Flex key={q.question} gap={12} align="center" wrap className="hw-og-para">
          <span id={`nq-${q.question}`}>
            {i + 1}. {q.label}
          </span>
          <Radio.Group
            aria-labelledby={`nq-${q.question}`}
            value={draft.necessity[q.question as NecessityKey]}
            onChange={(e) =>
              update({ necessity: { ...draft.necessity, [q.question]: e.target.value as boolean } })
            }
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        </Flex>
      ))}
      <FindingsPanel
        findings={findings}
        title="规则检查（是否需要发文）"
        testId="necessity-findings"
        emptyText="可以起草。"
      />
      {refused ? (
        <Alert
          className="hw-og-steps"
          type="error"
          showIcon
          title="按第五十二条，本事项不应制发文件"
          description="请改用电话、面谈、小范围会议，或由部门自行发文。如确需发文，请重新核对上面的回答。"
          action={
            <Button
              onClick={() => {
                reset();
                void navigate('/documents/outgoing');
              }}
            >
              放弃拟稿
            </Button>
          }
        />
      ) : null}
      <Space className="hw-og-steps">
        <GatedButton label="下一步：基本信息" findings={findings} onConfirm={() => setPage(1)} />
      </Space>
    </Card>
  );
}

function SigningPreview({
  draft,
  registry,
  today,
}: {
  draft: NewOutgoingDraft;
  registry: Registry;
  today: IsoDate;
}) {
  if (draft.issuerKind === undefined || flowOf(draft) === undefined) return null;
  const req = requiredSigning(draftDocument(draft, 'new', today), registry, today);
  const names = (slots: typeof req.signers) => slots.map((s) => s.label).join('、') || '—';
  return (
    <Card size="small" title="按签发矩阵，本文应由" data-testid="signing-preview">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'reviewers', label: '审核', children: names(req.reviewers) },
          { key: 'signers', label: '签发', children: names(req.signers) },
          { key: 'countersigners', label: '会签', children: names(req.countersigners) },
          { key: 'reason', label: '依据', children: req.reason },
        ]}
      />
      <FindingsPanel findings={req.gaps} emptyText="签发人均已确定。" />
    </Card>
  );
}

function BasicsPage({
  draft,
  registry,
  today,
}: {
  draft: NewOutgoingDraft;
  registry: Registry;
  today: IsoDate;
}) {
  const update = useOutgoingDraft((s) => s.update);
  const setPage = useOutgoingDraft((s) => s.setPage);
  const units = registry.units.map((u) => ({ value: u.id as string, label: u.name }));
  const deputies = deputyHeadsOn(registry, today).map((p) => ({
    value: p as string,
    label: personName(registry, p),
  }));
  const suggested = flowOf({ ...draft, flow: undefined });
  return (
    <Flex vertical gap={12} className="hw-og-form">
      <Card size="small" title="文种与发文机关">
        <Flex vertical gap={12}>
          <Space wrap>
            <span id="og-kind">文种：</span>
            <Radio.Group
              aria-labelledby="og-kind"
              value={COMMON_KINDS.includes(draft.kind as DocumentKind) ? draft.kind : undefined}
              onChange={(e) => update({ kind: e.target.value as DocumentKind })}
              options={COMMON_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            />
            <Select<DocumentKind>
              aria-label="其他文种"
              placeholder="其他文种"
              className="hw-og-filter"
              value={draft.kind !== undefined && !COMMON_KINDS.includes(draft.kind) ? draft.kind : undefined}
              onChange={(kind) => update({ kind })}
              options={OTHER_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            />
          </Space>
          <Space wrap>
            <span id="og-issuer">发文机关：</span>
            <Radio.Group
              aria-labelledby="og-issuer"
              value={draft.issuerKind}
              onChange={(e) => update({ issuerKind: e.target.value as IssuerKind })}
              options={ISSUER_KINDS.map((k) => ({ value: k, label: ISSUER_KIND_LABELS[k] }))}
            />
          </Space>
          {draft.issuerKind === 'governmentWithPeer' ? (
            <Space wrap>
              <Input
                aria-label="联合行文单位"
                placeholder="如：某某县人民政府"
                value={draft.counterpartName}
                onChange={(e) => update({ counterpartName: e.target.value })}
              />
              <Select<CounterpartSignerPost>
                aria-label="联合方签发人职务"
                placeholder="联合方签发人职务"
                className="hw-og-filter"
                value={draft.counterpartSignerPost}
                onChange={(counterpartSignerPost) => update({ counterpartSignerPost })}
                options={COUNTERPART_SIGNER_POSTS.map((p) => ({
                  value: p,
                  label: COUNTERPART_SIGNER_POST_LABELS[p],
                }))}
              />
            </Space>
          ) : null}
          <Space wrap>
            <Select<RecipientLevel>
              aria-label="主送机关层级"
              placeholder="主送机关层级"
              className="hw-og-filter"
              popupMatchSelectWidth={false}
              value={draft.recipientLevel}
              onChange={(recipientLevel) => update({ recipientLevel })}
              options={LEVELS.map((l) => ({ value: l, label: RECIPIENT_LEVEL_LABELS[l] }))}
            />
            <Select<DocumentDirection>
              aria-label="行文方向"
              placeholder="行文方向"
              className="hw-og-filter"
              value={flowOf(draft)}
              onChange={(flow) => update({ flow })}
              options={DOCUMENT_DIRECTIONS.map((d) => ({ value: d, label: DOCUMENT_DIRECTION_LABELS[d] }))}
            />
            {suggested !== undefined ? (
              <Typography.Text type="secondary">
                按文种和主送机关，建议为{DOCUMENT_DIRECTION_LABELS[suggested]}
              </Typography.Text>
            ) : null}
          </Space>
          <Space wrap>
            <Select<string>
              aria-label="主办单位"
              placeholder="主办（起草）单位"
              showSearch={{ optionFilterProp: 'label' }}
              className="hw-og-filter"
              popupMatchSelectWidth={false}
              value={draft.draftingUnitId}
              onChange={(draftingUnitId) => update({ draftingUnitId })}
              options={units}
            />
            <Select<string>
              aria-label="分管副区长（内容属其他分工时）"
              placeholder="分管副区长（默认按主办单位）"
              allowClear
              className="hw-og-filter"
              popupMatchSelectWidth={false}
              value={draft.responsibleDeputyId}
              onChange={(responsibleDeputyId) => update({ responsibleDeputyId })}
              options={deputies}
            />
            <Select<ReservedContent>
              aria-label="第五十一条事项"
              placeholder="第五十一条事项（如有）"
              allowClear
              className="hw-og-filter"
              popupMatchSelectWidth={false}
              value={draft.reservedContent}
              onChange={(reservedContent) => update({ reservedContent })}
              options={RESERVED_CONTENTS.map((c) => ({ value: c, label: RESERVED_CONTENT_LABELS[c] }))}
            />
          </Space>
        </Flex>
      </Card>
      <Card size="small" title="主送、抄送与密级">
        <Flex vertical gap={12}>
          <Select<string[]>
            mode="tags"
            aria-label="主送机关"
            placeholder="主送机关（可选登记的单位，或直接输入名称后回车）"
            showSearch={{ optionFilterProp: 'label' }}
            value={[...draft.mainRecipientIds]}
            onChange={(mainRecipientIds) => update({ mainRecipientIds })}
            options={units}
          />
          <Select<string[]>
            mode="tags"
            aria-label="抄送机关"
            placeholder="抄送机关"
            showSearch={{ optionFilterProp: 'label' }}
            value={[...draft.ccRecipientIds]}
            onChange={(ccRecipientIds) => update({ ccRecipientIds })}
            options={units}
          />
          <Space wrap>
            <Select<Classification>
              aria-label="密级"
              placeholder="密级（非涉密不选）"
              allowClear
              className="hw-og-filter"
              value={draft.classification}
              onChange={(classification) => update({ classification })}
              options={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
            />
            {draft.classification ? (
              <InputNumber
                aria-label="保密期限（年）"
                placeholder="保密期限（年）"
                min={1}
                max={30}
                value={draft.classificationYears}
                onChange={(v) => update({ classificationYears: v ?? undefined })}
              />
            ) : null}
            <Select<Urgency>
              aria-label="紧急程度"
              placeholder="紧急程度（不急不选）"
              allowClear
              className="hw-og-filter"
              value={draft.urgency}
              onChange={(urgency) => update({ urgency })}
              options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            />
            <Checkbox
              checked={draft.normative === true}
              onChange={(e) => update({ normative: e.target.checked })}
            >
              规范性文件（第十九条）
            </Checkbox>
          </Space>
          <Space wrap>
            <span>会议决定印发的，会议日期：</span>
            <Input
              type="date"
              aria-label="会议日期"
              className="hw-og-filter"
              value={draft.meetingDate ?? ''}
              onChange={(e) => update({ meetingDate: e.target.value === '' ? undefined : e.target.value })}
            />
            <Checkbox
              checked={draft.majorRevisions === true}
              onChange={(e) => update({ majorRevisions: e.target.checked })}
            >
              有重大修改意见需协调（7个工作日）
            </Checkbox>
          </Space>
        </Flex>
      </Card>
      <SigningPreview draft={draft} registry={registry} today={today} />
      <Space>
        <Button onClick={() => setPage(0)}>上一步</Button>
        <Button type="primary" onClick={() => setPage(2)}>
          下一步：正文
        </Button>
      </Space>
    </Flex>
  );
}

function BodyPage({
  draft,
  registry,
  today,
}: {
  draft: NewOutgoingDraft;
  registry: Registry;
  today: IsoDate;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useOutgoingDraft((s) => s.update);
  const setPage = useOutgoingDraft((s) => s.setPage);
  const reset = useOutgoingDraft((s) => s.reset);
  const create = useOutgoingUi((s) => s.create);
  const missing = missingFields(draft);
  const doc = draftDocument(draft, 'new', today);
  const findings = [
    ...checkDocumentStep(doc, 'draft', {
      registry,
      calendar: { isWorkingDay: () => true, addWorkingDays: (d) => d },
      date: today,
    }),
    ...(missing.length > 0
      ? [
          finding(
            'document.draft.missing',
            [54],
            'block',
            { kind: 'document', id: 'new' },
            `请填写：${missing.join('、')}`,
          ),
        ]
      : []),
  ];
  const save = async (reason: string | undefined) => {
    const id = `og-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const now = new Date();
    try {
      const record = recordOfDraft(
        draft,
        registry,
        id,
        today,
        shanghaiTimestamp(now).slice(0, 16).replace('T', ' '),
        currentOperator().name,
      );
      await create(
        record,
        auditContext(
          '拟稿登记',
          findings.filter((f) => f.severity === 'warn'),
          reason,
        ),
      );
      reset();
      void message.success('已登记拟稿。');
      void navigate(`/documents/outgoing/${id}`);
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };
  return (
    <Flex vertical gap={12} className="hw-og-form">
      <Card size="small" title="标题与正文">
        <Flex vertical gap={12}>
          <Input
            aria-label="标题"
            placeholder="如：示例区人民政府关于申请重点项目专项资金的请示"
            maxLength={200}
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
          />
          <BodyEditor value={draft.body} onChange={(body) => update({ body })} />
          <Typography.Text type="secondary">附件可在登记后于文件页面添加。</Typography.Text>
        </Flex>
      </Card>
      <FindingsPanel findings={findings} title="规则检查（起草）" testId="draft-findings" />
      <Space>
        <Button onClick={() => setPage(1)}>上一步</Button>
        <GatedButton label="登记拟稿" findings={findings} onConfirm={save} />
      </Space>
    </Flex>
  );
}

export function NewOutgoing() {
  const navigate = useNavigate();
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const draft = useOutgoingDraft((s) => s.draft);
  const page = useOutgoingDraft((s) => s.page);
  const registry = useOutgoingUi((s) => s.registry);
  const steps = useMemo(() => [{ title: '是否需要发文' }, { title: '基本信息' }, { title: '正文' }], []);
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>拟稿</Typography.Title>
        <Button onClick={() => navigate('/documents/outgoing')}>返回发文登记簿</Button>
      </Flex>
      <Steps size="small" current={page} items={steps} className="hw-og-form" />
      <div className="hw-og-steps">
        {page === 0 ? <NecessityPage draft={draft} today={today} /> : null}
        {page === 1 ? <BasicsPage draft={draft} registry={registry} today={today} /> : null}
        {page === 2 ? <BodyPage draft={draft} registry={registry} today={today} /> : null}
      </div>
    </>
  );
}
