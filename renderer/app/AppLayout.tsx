import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tag, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { getStore } from '../data';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePlatform } from '../platform';
import { documentTitle, OFFICE_NAME_PLACEHOLDER, PRODUCT_NAME, SECTIONS, sectionOf } from './routes';
import { selectSiderCollapsed } from './shell-store';
import { shellStore, useShell } from './use-shell';

const { Header, Sider, Content } = Layout;

export const MAIN_CONTENT_ID = 'hw-main';

export function AppLayout() {
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
          {kind === 'browser' ? <Tag color="blue">浏览器版</Tag> : null}
        </Header>
        {/* antd's Content is the <main> landmark. */}
        <Content className="hw-content" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
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
