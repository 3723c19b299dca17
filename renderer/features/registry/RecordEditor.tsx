/**
 * The add/edit dialog for any registry record. Values are checked with the shared zod schema before saving
 * and every message lands next to its field; on a failed save the dialog stays open with what was typed.
 */
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import {
  coverageSchema,
  entrustmentSchema,
  personSchema,
  portfolioSchema,
  postHoldingSchema,
  travelSchema,
  unitSchema,
} from '../../../shared/domain/registry-schema';
import type { Registry } from '../../../shared/domain/registry';
import {
  chineseIssueMessage,
  KIND_LABELS,
  matchesNameQuery,
  StoreError,
  type FieldIssue,
  type RegistryKind,
} from '../../data';
import { defaultsFor, FIELDS, newId, toRecordInput, type FieldSpec } from './fields';
import { initialsOf } from './selectors';

const SCHEMAS = {
  people: personSchema,
  units: unitSchema,
  posts: postHoldingSchema,
  portfolios: portfolioSchema,
  entrustments: entrustmentSchema,
  travels: travelSchema,
  coverages: coverageSchema,
} as const;

interface Option {
  readonly value: string;
  readonly label: string;
}

// People's names read their first character as a surname (区 is Ou there); unit names do not.
const personFilter = (input: string, option?: Option) =>
  option !== undefined && matchesNameQuery(option.label, input, initialsOf(option.label, 'person'));
const unitFilter = (input: string, option?: Option) =>
  option !== undefined && matchesNameQuery(option.label, input, initialsOf(option.label));

const randomPart = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

export function RecordEditor({
  kind,
  record,
  registry,
  today,
  onSave,
  onCancel,
  saving,
}: {
  kind: RegistryKind;
  record: Readonly<Record<string, unknown>> | undefined;
  registry: Registry;
  today: IsoDate;
  onSave: (input: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  saving: boolean;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<string | undefined>();
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const initial = useMemo(
    () => record ?? defaultsFor(kind, registry, today),
    [record, kind, registry, today],
  );
  const id = useMemo(() => (record?.id as string | undefined) ?? newId(kind, randomPart), [record, kind]);

  const people = useMemo<Option[]>(
    () => registry.people.map((p) => ({ value: p.id, label: p.name })),
    [registry.people],
  );
  const units = useMemo<Option[]>(
    () => registry.units.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.name })),
    [registry.units, id],
  );
  const absent = values?.absentId;
  const travels = useMemo<Option[]>(
    () =>
      registry.travels
        .filter((t) => absent === undefined || t.personId === absent)
        .map((t) => ({ value: t.id, label: `${t.from} 至 ${t.to} ${t.destination}` })),
    [registry.travels, absent],
  );

  const showIssues = (issues: readonly FieldIssue[]) => {
    const byField = new Map<string, string[]>();
    for (const i of issues) {
      const f = typeof i.path[0] === 'string' ? i.path[0] : '';
      byField.set(f, [...(byField.get(f) ?? []), i.message]);
    }
    const known = new Set(FIELDS[kind].map((f) => f.name));
    form.setFields([...byField].filter(([f]) => known.has(f)).map(([name, errors]) => ({ name, errors })));
  };

  const clearIssues = (names: readonly string[]) => form.setFields(names.map((name) => ({ name, errors: [] })));

  const submit = async () => {
    setError(undefined);
    clearIssues(FIELDS[kind].map((f) => f.name));
    const input = toRecordInput(kind, form.getFieldsValue(true) as Record<string, unknown>, id);
    const parsed = SCHEMAS[kind].safeParse(input);
    if (!parsed.success) {
      showIssues(
        parsed.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: chineseIssueMessage(i),
        })),
      );
      setError('请按提示修改标红的项目后再保存。');
      return;
    }
    try {
      await onSave(input);
    } catch (e) {
      // Keep the dialog and every typed value; say what to fix.
      if (e instanceof StoreError) showIssues(e.issues);
      setError(e instanceof StoreError ? e.message : '保存失败，数据未改动。请重试。');
    }
  };

  const control = (f: FieldSpec) => {
    switch (f.type) {
      case 'text':
        return <Input autoComplete="off" />;
      case 'textarea':
        // No autoSize: antd measures with a hidden textarea's style attribute, which the strict CSP refuses.
        return <Input.TextArea rows={3} />;
      case 'date':
        return <Input placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="off" />;
      case 'bool':
        return (
          <Radio.Group
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        );
      case 'select':
        return (
          <Select
            allowClear={!f.required}
            options={Object.entries(f.options ?? {}).map(([value, label]) => ({ value, label }))}
          />
        );
      case 'multi':
        return (
          <Select
            mode="multiple"
            options={Object.entries(f.options ?? {}).map(([value, label]) => ({ value, label }))}
          />
        );
      case 'person':
        return (
          <Select
            allowClear={!f.required}
            showSearch={{ filterOption: personFilter }}
            options={people}
            placeholder="输入姓名或拼音首字母"
          />
        );
      case 'unit':
        return (
          <Select
            allowClear={!f.required}
            showSearch={{ filterOption: unitFilter }}
            options={units}
            placeholder="输入单位名称或拼音首字母"
          />
        );
      case 'travel':
        return <Select allowClear options={travels} placeholder="不选则为常设安排" />;
      default: {
        const never: never = f.type;
        return never;
      }
    }
  };

  return (
    <Modal
      open
      title={`${record ? '修改' : '新增'}${KIND_LABELS[kind]}`}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      {error ? <Alert type="error" showIcon title={error} className="hw-editor-error" role="alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={() => void submit()}
        // A message stays until the clerk changes that field (errors set by hand are not re-validated).
        onValuesChange={(changed: Record<string, unknown>) => clearIssues(Object.keys(changed))}
        requiredMark
        aria-label={`${KIND_LABELS[kind]}表单`}
      >
        {FIELDS[kind]
          .filter((f) => !f.when || f.when(values ?? initial))
          .map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} required={f.required} extra={f.help}>
              {control(f)}
            </Form.Item>
          ))}
        {/* Enter in a text field submits, as in any form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
