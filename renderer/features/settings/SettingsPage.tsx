import { App, Button, Card, Form, Switch } from 'antd';
import { selectSiderCollapsed } from '../../app/shell-store';
import { shellStore, useShell } from '../../app/use-shell';
import { Page, PageHeading } from '../../ui';
import { SealsPanel } from '../seals/SealsPanel';
import { BackupPanel } from './BackupPanel';

export function SettingsPage() {
  const collapsed = useShell(selectSiderCollapsed);
  const { modal, message } = App.useApp();

  const confirmReset = () =>
    modal.confirm({
      title: '恢复默认界面设置？',
      content: '左侧导航等界面偏好将恢复为默认值。会议、公文等数据不受影响。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: () => {
        shellStore.getState().resetPrefs();
        message.success('已恢复默认界面设置。');
      },
    });

  return (
    <Page>
      <PageHeading
        title="设置"
        intro="界面偏好只保存在这台电脑上；单位名称、文号规则等设置将在这里陆续提供。"
      />
      <Card title="界面" size="small" extra={<Button onClick={confirmReset}>恢复默认设置</Button>}>
        <Form layout="horizontal" colon={false}>
          <Form.Item label="收起左侧导航" htmlFor="hw-setting-sider">
            <Switch
              id="hw-setting-sider"
              checked={collapsed}
              onChange={(checked) => shellStore.getState().setSiderCollapsed(checked)}
            />
          </Form.Item>
        </Form>
      </Card>
      <BackupPanel />
      <SealsPanel />
    </Page>
  );
}
