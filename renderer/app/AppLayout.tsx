import { LockOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { getStore, ROLE_LABELS } from '../data';
import { OperatorGate } from '../features/operators/OperatorGate';
import { sessionStore, useSession } from '../features/operators/session-store';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePlatform } from '../platform';
import { documentTitle, OFFICE_NAME_PLACEHOLDER, PRODUCT_NAME, SECTIONS, sectionOf } from './routes';
import { selectSiderCollapsed } from './shell-store';
import { shellStore, useShell } from './use-shell';

const { Header, Sider, Content } = Layout;

export const MAIN_CONTENT_ID = 'hw-main';

/** The app behind the operator gate: first run, sign-in and the screen lock come before any data. */
export function AppLayout() {
  return (
    <OperatorGate>
      <Shell />
    </OperatorGate>
  );
}

function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  const collapsed = useShell(selectSiderCollapsed);
  const { kind } = usePlatform();
  const section = sectionOf(location.pathname);
  const officeName = useOfficeName();

  useEffect(() => {
    document.title = documentTitle(section);
  }, [section]);

  const items: MenuProps['items'] = useMemo(
    () => SECTIONS.map((s) => ({ key: s.path, icon: s.icon, label: s.label })),
    [],
  );

  return (
    <Layout className="hw-layout">
      <a className="hw-skip-link" href={`#${location.pathname}`} onClick={skipToContent}>
        跳到正文
      </a>
      <Sider className="hw-sider" width={200} collapsedWidth={64} collapsed={collapsed} trigger={null}>
        <div className="hw-brand" aria-hidden="true">
          {collapsed ? '会' : PRODUCT_NAME}
        </div>
        <nav aria-label="主导航">
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={section ? [section.path] : []}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="hw-header">
          <div className="hw-header-title">
            <Tooltip title={collapsed ? '展开导航' : '收起导航'}>
              <Button
                type="text"
                aria-label={collapsed ? '展开导航' : '收起导航'}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => shellStore.getState().toggleSider()}
              />
            </Tooltip>
            <span className="hw-header-product">{PRODUCT_NAME}</span>
            <span className="hw-header-office">{officeName ?? OFFICE_NAME_PLACEHOLDER}</span>
          </div>
          <Space size="small">
            {kind === 'browser' ? <Tag color="blue">浏览器版</Tag> : null}
            <OperatorBadge />
          </Space>
        </Header>
        {/* antd's Content is the <main> landmark. */}
        <Content className="hw-content" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

/** Who is signed in, with 锁定 (lock now, e.g. leaving the desk) and 退出 (sign out). */
function OperatorBadge() {
  const operator = useSession((s) => s.operator);
  if (!operator) return null;
  return (
    <Space size="small" data-testid="operator-badge">
      <span>
        <UserOutlined aria-hidden="true" /> {operator.name}
      </span>
      <Tag color={operator.role === 'admin' ? 'gold' : 'default'}>{ROLE_LABELS[operator.role]}</Tag>
      <Button size="small" icon={<LockOutlined />} onClick={() => sessionStore.getState().lock()}>
        锁定
      </Button>
      <Button size="small" icon={<LogoutOutlined />} onClick={() => sessionStore.getState().signOut()}>
        退出
      </Button>
    </Space>
  );
}

/** The hash is the route, so the skip link moves focus itself instead of using a #fragment. */
function skipToContent(event: React.MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById(MAIN_CONTENT_ID)?.focus();
}

/** The office's name from the store, live: loading or removing the sample office updates the header. */
function useOfficeName(): string | undefined {
  const [name, setName] = useState<string | undefined>();
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    getStore().then(
      (store) => {
        if (!cancelled) unsubscribe = store.watchOfficeName(setName);
      },
      // The start-up gate reports a store that fails to open; the header keeps its placeholder.
      () => undefined,
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  return name;
}
