/**
 * The route table: one entry per section of the left navigation. To add a section, add a page under
 * renderer/features/<area>/ and one entry here; the menu, routing and page titles follow.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  InfoCircleOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { AboutPage } from '../features/about/AboutPage';
import { AuditPage } from '../features/audit/AuditPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { OperatorsPage } from '../features/operators/OperatorsPage';
import { RegistryPage } from '../features/registry/RegistryPage';
import { SettingsPage } from '../features/settings/SettingsPage';

export interface Section {
  /** Hash path, e.g. '/meetings' (deep link `#/meetings`). */
  readonly path: string;
  /** Navigation label, also the page title. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, Page: DashboardPage },
  { path: '/meetings', label: '会议', icon: <CalendarOutlined />, Page: MeetingsPage },
  { path: '/documents', label: '公文', icon: <FileTextOutlined />, Page: DocumentsPage },
  { path: '/registry', label: '人员与单位', icon: <ApartmentOutlined />, Page: RegistryPage },
  { path: '/exchange', label: '数据交换', icon: <SwapOutlined />, Page: ExchangePage },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, Page: AuditPage },
  { path: '/operators', label: '操作员', icon: <TeamOutlined />, Page: OperatorsPage },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, Page: SettingsPage },
  { path: '/about', label: '关于', icon: <InfoCircleOutlined />, Page: AboutPage },
];

/** The section a location belongs to: exact match, or the longest prefix ('/meetings/42' -> 会议). */
export function sectionOf(pathname: string): Section | undefined {
  const matches = SECTIONS.filter(
    (s) => pathname === s.path || (s.path !== '/' && pathname.startsWith(`${s.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

export const PRODUCT_NAME = '会文';
/** Shown until the office's own name is recorded in the data set. */
export const OFFICE_NAME_PLACEHOLDER = '××区人民政府办公室';

export const documentTitle = (section: Section | undefined): string =>
  section && section.path !== '/' ? `${section.label} - ${PRODUCT_NAME}` : PRODUCT_NAME;
