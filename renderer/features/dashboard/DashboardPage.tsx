import { Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import { EmptyState, Page, PageHeading } from '../../ui';

const FIRST_STEPS = [
  { to: '/registry', title: '1. 人员与单位', text: '载入示例数据，或录入领导班子成员和各单位。' },
  { to: '/meetings', title: '2. 会议', text: '按工作规则安排常务会议、专题会议，生成通知和纪要。' },
  { to: '/documents', title: '3. 公文', text: '起草、审核、签发公文，按国家标准版式输出 PDF。' },
] as const;

export function DashboardPage() {
  return (
    <Page>
      <PageHeading title="工作台" intro="今天要办的会议和公文会显示在这里。" />
      <EmptyState title="还没有待办事项">
        先在“人员与单位”中载入示例数据或录入领导班子，然后到“会议”或“公文”开始工作。
      </EmptyState>
      <Row gutter={16} className="hw-quick-links">
        {FIRST_STEPS.map((step) => (
          <Col span={8} key={step.to}>
            <Card size="small" title={<Link to={step.to}>{step.title}</Link>}>
              {step.text}
            </Card>
          </Col>
        ))}
      </Row>
    </Page>
  );
}
