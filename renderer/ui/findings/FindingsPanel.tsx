import { Alert, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../shared/domain/findings';
import { ArticleDrawer } from './ArticleDrawer';
import './findings.css';
import { ArticleLinks } from './ArticleLinks';
import { groupBySeverity, SEVERITY_LABELS, SEVERITY_TONE } from './gate';

/**
 * Every finding of the rulebook engine for a step, grouped by severity (不能继续 / 需说明理由 / 提示), each with
 * its article(s); a citation opens the article's text in a drawer.
 */
export function FindingsPanel({
  findings,
  title,
  emptyText = '规则检查未发现问题。',
  testId,
}: {
  findings: readonly Finding[];
  title?: string;
  emptyText?: string;
  testId?: string;
}) {
  const [article, setArticle] = useState<number | undefined>(undefined);
  const groups = groupBySeverity(findings);
  return (
    <section className="hw-findings" aria-label={title ?? '规则检查'} data-testid={testId}>
      {title ? <Typography.Title level={5}>{title}</Typography.Title> : null}
      {groups.length === 0 ? (
        <Alert type="success" showIcon title={emptyText} />
      ) : (
        <Flex vertical gap={8}>
          {groups.map((g) => (
            <Flex vertical gap={4} key={g.severity} data-severity={g.severity}>
              <span>
                <Tag color={SEVERITY_TONE[g.severity].tag}>
                  {SEVERITY_LABELS[g.severity]}（{g.findings.length}）
                </Tag>
              </span>
              {g.findings.map((f, i) => (
                <Alert
                  key={`${f.ruleId}-${f.subject.id}-${i}`}
                  type={SEVERITY_TONE[g.severity].alert}
                  showIcon
                  title={f.message}
                  description={<ArticleLinks articles={f.articles} onOpen={setArticle} />}
                  data-rule={f.ruleId}
                />
              ))}
            </Flex>
          ))}
        </Flex>
      )}
      <ArticleDrawer article={article} onClose={() => setArticle(undefined)} />
    </section>
  );
}
