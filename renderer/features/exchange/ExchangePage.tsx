/**
 * 数据交换: USB packets between isolated PCs (issue 8). Four tabs: 导出, 导入, 交换登记, 本机密钥. The tabs stay
 * mounted so an import preview survives a look at the register.
 */
import { Tabs } from 'antd';
import { useState } from 'react';
import { Page, PageHeading } from '../../ui';
import { ExportTab } from './ExportTab';
import { ImportTab } from './ImportTab';
import { KeyTab } from './KeyTab';
import { RegisterTab } from './RegisterTab';
import './exchange.css';

type TabKey = 'export' | 'import' | 'register' | 'keys';

export function ExchangePage() {
  const [tab, setTab] = useState<TabKey>('export');
  return (
    <Page>
      <PageHeading
        title="数据交换"
        intro="用 U 盘在不联网的电脑之间收发会议和督办事项：导出前预览，导入前校验签名和摘要，冲突由您决定。"
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          { key: 'export', label: '导出', children: <ExportTab /> },
          { key: 'import', label: '导入', children: <ImportTab /> },
          { key: 'register', label: '交换登记', children: <RegisterTab active={tab === 'register'} /> },
          { key: 'keys', label: '本机密钥', children: <KeyTab active={tab === 'keys'} /> },
        ]}
      />
    </Page>
  );
}
