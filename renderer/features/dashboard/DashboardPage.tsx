/**
 * 工作台 (issue 5): today's and this week's meetings, minutes and decisions due, leave waiting for the chair,
 * warnings from the rules and today's acting arrangements — each item one click from where it is handled.
 */
import { Alert, Badge, Button, Card, Col, List, Row, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { currentWorkingCalendar } from '../../../shared/calendar';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import type { IncomingDocument } from '../../../shared/domain/documents';
import { OUTGOING_STATES, type OutgoingRecord } from '../../../shared/domain/documents/outgoing-record';
import type { Meeting } from '../../../shared/domain/meeting';
import type { Registry } from '../../../shared/domain/registry';
import { getStore } from '../../data';
import { StoreError } from '../../data/errors';
import { EmptyState, Page, PageHeading } from '../../ui';
import {
  AWAITING_INSTRUCTION_STATES,
  BADGE_LABELS,
  dashboardSections,
  displayOrder,
  storeIsEmpty,
  type DashboardBadge,
  type DashboardSection,
} from './dashboard-model';

const FIRST_STEPS = [
  { to: '/registry', title: '1. 人员与单位', text: '载入示例数据，或录入领导班子成员和各单位。' },
  { to: '/meetings', title: '2. 会议', text: '按工作规则安排常务会议、专题会议，生成通知和纪要。' },
  { to: '/documents', title: '3. 公文', text: '起草、审核、签发公文，按国家标准版式输出 PDF。' },
] as const;

const BADGE_STATUS: Readonly<
  Record<DashboardBadge, 'error' | 'warning' | 'processing' | 'success' | 'default'>
> = {
  overdue: 'error',
  due: 'warning',
  pending: 'processing',
  today: 'success',
  week: 'default',
  info: 'default',
};

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly meetings: readonly Meeting[];
      readonly registry: Registry;
      readonly incoming: readonly IncomingDocument[];
      readonly outgoing: readonly OutgoingRecord[];
      readonly today: IsoDate;
    };

async function loadDashboard(): Promise<Loaded> {
  const store = await getStore();
  const [registry, meetings, incoming, outgoing] = await Promise.all([
    store.registry.load(),
    store.meetings.list(),
    // Only open documents, through the state index: the dashboard must not read ten years of archive.
    store.incoming.list({ states: AWAITING_INSTRUCTION_STATES }),
    store.outgoing.list({ states: OUTGOING_STATES.filter((st) => st !== 'archived') }),
  ]);
  return {
    status: 'ready',
    registry,
    meetings,
    incoming: incoming.map((r) => r.doc),
    outgoing,
    today: shanghaiDateOf(new Date()),
  };
}

function SectionCard({ section }: { readonly section: DashboardSection }) {
  const urgent = section.items.filter((i) => i.badge === 'overdue').length;
  return (
    <Card
      size="small"
      data-testid={`dashboard-${section.id}`}
      title={
        <span>
          {section.title} <Badge count={section.items.length} showZero color={urgent > 0 ? 'red' : 'blue'} />
        </span>
      }
    >
      <List
        size="small"
        dataSource={[...section.items]}
        locale={{ emptyText: '无' }}
        renderItem={(item) => (
          <List.Item key={item.key}>
            <List.Item.Meta
              title={
                <span>
                  <Badge status={BADGE_STATUS[item.badge]} text={BADGE_LABELS[item.badge]} />{' '}
                  <Link to={item.href}>{item.title}</Link>
                </span>
              }
              description={item.detail}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function FirstSteps() {
  return (
    <Row gutter={16} className="hw-quick-links">
      {FIRST_STEPS.map((step) => (
        <Col span={8} key={step.to}>
          <Card size="small" title={<Link to={step.to}>{step.title}</Link>}>
            {step.text}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function DashboardPage() {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const fetchDashboard = useCallback(() => {
    loadDashboard().then(setState, (e: unknown) =>
      setState({
        status: 'failed',
        message: e instanceof StoreError ? e.message : '工作台数据读取失败。请重试；如仍失败，请重启会文。',
      }),
    );
  }, []);
  useEffect(fetchDashboard, [fetchDashboard]);
  const reload = () => {
    setState({ status: 'loading' });
    fetchDashboard();
  };

  const heading = <PageHeading title="工作台" intro="今天要办的会议和公文会显示在这里。" />;
  if (state.status === 'failed') {
    return (
      <Page>
        {heading}
        <Alert
          type="error"
          showIcon
          title="工作台数据读取失败"
          description={state.message}
          action={<Button onClick={reload}>重试</Button>}
        />
      </Page>
    );
  }
  if (state.status === 'loading' || storeIsEmpty(state)) {
    // The empty-state sentence shows while loading too, so a fresh store reads the same from the first paint.
    return (
      <Page>
        {heading}
        {state.status === 'loading' ? <Spin aria-label="正在读取工作台" /> : null}
        <EmptyState title="还没有数据">
          还没有数据。先在“人员与单位”中载入示例数据或录入领导班子，然后到“会议”或“公文”开始工作。
        </EmptyState>
        <FirstSteps />
      </Page>
    );
  }
  const sections = displayOrder(
    dashboardSections({
      meetings: state.meetings,
      registry: state.registry,
      incoming: state.incoming,
      outgoing: state.outgoing,
      today: state.today,
      calendar: currentWorkingCalendar(),
    }),
  );
  return (
    <Page>
      {heading}
      <Row gutter={[16, 16]}>
        {sections.map((s) => (
          <Col span={12} key={s.id}>
            <SectionCard section={s} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}
