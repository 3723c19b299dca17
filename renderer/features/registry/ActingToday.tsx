import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { chineseDate } from '../../../shared/calendar/iso-date';
import type { Registry } from '../../../shared/domain/registry';
import { actingToday } from './selectors';

/** 今日代管情况: from `actingOn` (art. 9), plus leaders away today whom nobody covers. */
export function ActingToday({ registry, today }: { registry: Registry; today: IsoDate }) {
  const { acting, uncovered } = useMemo(() => actingToday(registry, today), [registry, today]);
  return (
    <Card
      size="small"
      className="hw-acting"
      title={`今日代管情况（${chineseDate(today)}）`}
      data-testid="acting-today"
    >
      {acting.length === 0 && uncovered.length === 0 ? (
        <p>今日没有区领导外出，无代管安排。</p>
      ) : (
        <ul className="hw-acting-list" aria-label="今日代管情况">
          {acting.map((a) => (
            <li key={a.key}>
              <strong>{a.acting}</strong> 代 <strong>{a.absent}</strong>：{a.reason}
            </li>
          ))}
        </ul>
      )}
      {uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`${uncovered.join('、')} 今日外出，但没有指定代管人。请在“代管安排”中补充（第九条）。`}
        />
      ) : null}
    </Card>
  );
}
