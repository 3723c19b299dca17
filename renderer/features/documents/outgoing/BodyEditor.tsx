/**
 * The structured body editor: one row per paragraph with its level (正文 / 一、 / （一） / 1. / （1）); the
 * numbers are computed, so inserting or removing a heading renumbers the rest (GB/T 9704-2012 7.3.3).
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import {
  BODY_LEVEL_LABELS,
  headingLabels,
  type BodyLevel,
  type BodyParagraph,
} from '../../../../shared/domain/documents';

const LEVELS: readonly BodyLevel[] = [0, 1, 2, 3, 4];

export function BodyEditor({
  value,
  onChange,
}: {
  value: readonly BodyParagraph[];
  onChange: (body: BodyParagraph[]) => void;
}) {
  const labels = headingLabels(value);
  const set = (i: number, p: Partial<BodyParagraph>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const insert = (i: number, level: BodyLevel) =>
    onChange([...value.slice(0, i + 1), { level, text: '' }, ...value.slice(i + 1)]);
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= value.length) return;
    const next = [...value];
    [next[i], next[j]] = [next[j] as BodyParagraph, next[i] as BodyParagraph];
    onChange(next);
  };
  return (
    <div role="group" aria-label="正文" data-testid="body-editor">
      {value.map((p, i) => (
        <div className="hw-og-para" key={i}>
          <Select<BodyLevel>
            className="hw-og-para-level"
            aria-label={`第 ${i + 1} 段层级`}
            value={p.level}
            onChange={(level) => set(i, { level })}
            options={LEVELS.map((l) => ({ value: l, label: BODY_LEVEL_LABELS[l] }))}
          />
          <span className="hw-og-para-label" aria-hidden="true">
            {labels[i]}
          </span>
          {p.level === 0 ? (
            <Input.TextArea
              aria-label={`第 ${i + 1} 段`}
              // No autoSize: antd measures with a hidden textarea's style attribute, which the strict CSP refuses.
              rows={3}
              value={p.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          ) : (
            <Input
              aria-label={`第 ${i + 1} 段`}
              value={p.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          )}
          <Space.Compact>
            <Button
              aria-label={`第 ${i + 1} 段上移`}
              icon={<ArrowUpOutlined />}
              onClick={() => move(i, -1)}
              disabled={i === 0}
            />
            <Button
              aria-label={`第 ${i + 1} 段下移`}
              icon={<ArrowDownOutlined />}
              onClick={() => move(i, 1)}
              disabled={i === value.length - 1}
            />
            <Button
              aria-label={`在第 ${i + 1} 段后插入段落`}
              icon={<PlusOutlined />}
              onClick={() => insert(i, p.level === 0 ? 0 : p.level)}
            />
            <Button
              aria-label={`删除第 ${i + 1} 段`}
              icon={<DeleteOutlined />}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            />
          </Space.Compact>
        </div>
      ))}
      <Space>
        <Button onClick={() => onChange([...value, { level: 0, text: '' }])}>添加段落</Button>
        <Button onClick={() => onChange([...value, { level: 1, text: '' }])}>添加一级标题</Button>
      </Space>
    </div>
  );
}
