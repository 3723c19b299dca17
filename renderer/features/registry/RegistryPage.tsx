/**
 * 人员与单位: the people, posts, units, portfolios, entrustments, travel reports and coverage arrangements
 * every meeting and document rule reads "as of a date". Data goes through renderer/data only.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Spin, Tabs, Tag, Tree } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import type { Registry } from '../../../shared/domain/registry';
import { KIND_LABELS, StoreError } from '../../data';
import { EmptyState, Page, PageHeading } from '../../ui';
import { ADMIN_ONLY_NOTICE, useIsAdmin } from '../operators/session-store';
import { ActingToday } from './ActingToday';
import { DataTable, type Column } from './DataTable';
import { RecordEditor } from './RecordEditor';
import { countsOf, selectIsSample, selectQuery, type TabKey } from './registry-store';
import {
  coverageRows,
  entrustmentRows,
  isEmptyRegistry,
  personRows,
  portfolioRows,
  postRows,
  travelRows,
  unitRows,
  unitTree,
  type TreeNode,
} from './selectors';
import { registryUi, useRegistryUi } from './use-registry-ui';
import './registry.css';

const TAB_ORDER: readonly TabKey[] = [
  'people',
  'units',
  'posts',
  'portfolios',
  'entrustments',
  'travels',
  'coverages',
];

const errorText = (e: unknown) => (e instanceof StoreError ? e.message : '操作失败，数据未改动。请重试。');

export function RegistryPage() {
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const status = useRegistryUi((s) => s.status);
  const loadError = useRegistryUi((s) => s.loadError);
  const registry = useRegistryUi((s) => s.registry);
  const isSample = useRegistryUi(selectIsSample);
  const busy = useRegistryUi((s) => s.busy);
  const editing = useRegistryUi((s) => s.editing);
  // Only an administrator changes the registry (the repository refuses a 文书 too).
  const canEdit = useIsAdmin();
  const [manual, setManual] = useState(false);
  const { modal, message } = App.useApp();

  useEffect(() => {
    void registryUi.getState().load();
  }, []);

  const loadSample = async () => {
    try {
      await registryUi.getState().loadSample(today);
      message.success('已载入示例数据（示例区）。这些数据仅供熟悉会文，可随时一键清除。');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const clearSample = () =>
    modal.confirm({
      title: '清除示例数据？',
      content:
        '将删除全部示例人员、单位及依附于它们的任职、分工、外出报告和代管安排（包括您在示例人员名下补录的记录）。此操作会记入审计日志。',
      okText: '清除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const n = await registryUi.getState().clearSample();
          message.success(`已清除示例数据，共 ${n} 条记录。`);
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const heading = (
    <PageHeading
      title="人员与单位"
      intro="领导班子成员、分工和各单位，是会议和公文的基础数据。所有记录按日期保留历史。"
      extra={
        isSample ? (
          <div className="hw-registry-header-extra">
            <Tag color="orange">示例数据</Tag>
            <span>当前显示的是虚构的“示例区”数据。</span>
            <Button danger onClick={clearSample} loading={busy} disabled={!canEdit}>
              清除示例数据
            </Button>
          </div>
        ) : undefined
      }
    />
  );

  if (status === 'idle' || status === 'loading') {
    return (
      <Page>
        {heading}
        <Spin description="正在读取…" />
      </Page>
    );
  }
  if (status === 'failed') {
    return (
      <Page>
        {heading}
        <Alert
          type="error"
          showIcon
          title={loadError}
          action={<Button onClick={() => void registryUi.getState().load()}>重试</Button>}
        />
      </Page>
    );
  }

  const empty = isEmptyRegistry(registry) && !manual;
  return (
    <Page>
      {heading}
      {canEdit ? null : <Alert type="info" showIcon title={ADMIN_ONLY_NOTICE} style={{ marginBottom: 12 }} />}
      {empty ? (
        <EmptyState
          title="还没有人员与单位"
          action={
            <Space>
              <Button type="primary" onClick={() => void loadSample()} loading={busy} disabled={!canEdit}>
                载入示例数据
              </Button>
              <Button onClick={() => setManual(true)}>逐条录入</Button>
            </Space>
          }
        >
          还没有人员与单位。可以先载入示例数据熟悉会文，或逐条录入领导班子成员和各单位。
        </EmptyState>
      ) : (
        <>
          <ActingToday registry={registry} today={today} />
          <RegistryTabs registry={registry} today={today} />
        </>
      )}
      {editing ? (
        <RecordEditor
          key={`${editing.kind}-${String(editing.record?.id ?? 'new')}`}
          kind={editing.kind}
          record={editing.record}
          registry={registry}
          today={today}
          saving={busy}
          onCancel={() => registryUi.getState().edit(undefined)}
          onSave={async (input) => {
            await registryUi.getState().save(editing.kind, input);
            message.success(`已保存${KIND_LABELS[editing.kind]}`);
          }}
        />
      ) : null}
    </Page>
  );
}

function RegistryTabs({ registry, today }: { registry: Registry; today: IsoDate }) {
  const tab = useRegistryUi((s) => s.tab);
  const counts = useMemo(() => countsOf(registry), [registry]);
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => registryUi.getState().setTab(k as TabKey)}
      items={TAB_ORDER.map((k) => ({
        key: k,
        label: `${KIND_LABELS[k]}（${counts[k]}）`,
        children: <KindPanel kind={k} registry={registry} today={today} />,
      }))}
    />
  );
}

function KindPanel({ kind, registry, today }: { kind: TabKey; registry: Registry; today: IsoDate }) {
  const query = useRegistryUi(selectQuery(kind));
  const unitFilter = useRegistryUi((s) => s.unitFilter);
  const canEdit = useIsAdmin();
  const { modal, message } = App.useApp();

  const edit = (record?: object) =>
    registryUi.getState().edit({ kind, ...(record ? { record: record as Record<string, unknown> } : {}) });
  const remove = (id: string, what: string) =>
    modal.confirm({
      title: `删除${KIND_LABELS[kind]}“${what}”？`,
      content:
        kind === 'people'
          ? '人员离任请在任职记录中填写结束日期，而不是删除人员，以免历史会议和公文失去依据。'
          : '删除会记入审计日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await registryUi.getState().remove(kind, id);
          message.success('已删除');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const actions = (id: string, what: string, record: object): ReactNode =>
    canEdit ? (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => edit(record)} aria-label={`修改 ${what}`}>
          修改
        </Button>
        <Button size="small" type="link" danger onClick={() => remove(id, what)} aria-label={`删除 ${what}`}>
          删除
        </Button>
      </Space>
    ) : null;

  const table = useTable(kind, registry, today, query, unitFilter, actions);
  const search = (
    <div className="hw-registry-toolbar">
      <Input.Search
        className="hw-registry-search"
        allowClear
        placeholder="搜索姓名或单位，支持拼音首字母（如 wm）"
        aria-label={`搜索${KIND_LABELS[kind]}`}
        value={query}
        onChange={(e) => registryUi.getState().setQuery(kind, e.target.value)}
      />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => edit()} disabled={!canEdit}>
        新增{KIND_LABELS[kind]}
      </Button>
    </div>
  );

  if (kind === 'units') {
    return (
      <>
        {search}
        <div className="hw-registry-units">
          <UnitTree registry={registry} selected={unitFilter} />
          {table}
        </div>
      </>
    );
  }
  return (
    <>
      {search}
      {table}
    </>
  );
}

interface AntTreeNode {
  key: string;
  title: string;
  children: AntTreeNode[];
}
const toAnt = (n: TreeNode): AntTreeNode => ({ key: n.key, title: n.title, children: n.children.map(toAnt) });

function UnitTree({ registry, selected }: { registry: Registry; selected: string | undefined }) {
  const tree = useMemo(() => unitTree(registry), [registry]);
  return (
    <nav className="hw-registry-tree" aria-label="单位分类">
      <Button
        type="link"
        size="small"
        onClick={() => registryUi.getState().setUnitFilter(undefined)}
        disabled={selected === undefined}
      >
        显示全部单位
      </Button>
      <Tree
        treeData={tree.map(toAnt)}
        selectedKeys={selected ? [selected] : []}
        defaultExpandedKeys={tree.slice(0, 1).map((n) => n.key)}
        onSelect={(keys) =>
          registryUi.getState().setUnitFilter(keys[0] === undefined ? undefined : String(keys[0]))
        }
      />
    </nav>
  );
}

type Actions = (id: string, what: string, record: object) => ReactNode;

function useTable(
  kind: TabKey,
  reg: Registry,
  today: IsoDate,
  query: string,
  unitFilter: string | undefined,
  actions: Actions,
): ReactNode {
  const rows = useMemo(() => {
    switch (kind) {
      case 'people':
        return personRows(reg, today, query);
      case 'units':
        return unitRows(reg, today, query, unitFilter);
      case 'posts':
        return postRows(reg, today, query);
      case 'portfolios':
        return portfolioRows(reg, today, query);
      case 'entrustments':
        return entrustmentRows(reg, today, query);
      case 'travels':
        return travelRows(reg, today, query);
      case 'coverages':
        return coverageRows(reg, query);
      default: {
        const never: never = kind;
        return never;
      }
    }
  }, [kind, reg, today, query, unitFilter]);
  const label = `${KIND_LABELS[kind]}列表`;
  const emptyText = query
    ? `没有与“${query}”相符的${KIND_LABELS[kind]}`
    : `还没有${KIND_LABELS[kind]}，点击“新增${KIND_LABELS[kind]}”录入`;
  const common = { label, emptyText, testId: `table-${kind}` };
  switch (kind) {
    case 'people':
      return (
        <DataTable
          {...common}
          rows={rows as ReturnType<typeof personRows>}
          columns={peopleColumns(actions)}
        />
      );
    case 'units':
      return (
        <DataTable {...common} rows={rows as ReturnType<typeof unitRows>} columns={unitColumns(actions)} />
      );
    case 'posts':
      return (
        <DataTable {...common} rows={rows as ReturnType<typeof postRows>} columns={postColumns(actions)} />
      );
    case 'portfolios':
      return (
        <DataTable
          {...common}
          rows={rows as ReturnType<typeof portfolioRows>}
          columns={portfolioColumns(actions)}
        />
      );
    case 'entrustments':
      return (
        <DataTable
          {...common}
          rows={rows as ReturnType<typeof entrustmentRows>}
          columns={entrustmentColumns(actions)}
        />
      );
    case 'travels':
      return (
        <DataTable
          {...common}
          rows={rows as ReturnType<typeof travelRows>}
          columns={travelColumns(actions)}
        />
      );
    case 'coverages':
      return (
        <DataTable
          {...common}
          rows={rows as ReturnType<typeof coverageRows>}
          columns={coverageColumns(actions)}
        />
      );
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const text = <T,>(id: string, header: string, get: (r: T) => string, width?: number): Column<T> => ({
  id,
  header,
  cell: (r) => <span title={get(r)}>{get(r)}</span>,
  sortValue: get,
  ...(width ? { width } : {}),
});

const currentTag = (current: boolean) => (current ? <Tag color="green">现行</Tag> : <Tag>已结束</Tag>);

function peopleColumns(actions: Actions): Column<ReturnType<typeof personRows>[number]>[] {
  return [
    text('name', '姓名', (r) => r.name, 110),
    {
      id: 'posts',
      header: '今日职务',
      cell: (r) => <span title={r.posts}>{r.posts}</span>,
      sortValue: (r) => r.posts,
      width: 300,
    },
    text('party', '政治面貌', (r) => r.party, 110),
    {
      id: 'portfolio',
      header: '分管单位数',
      cell: (r) => r.portfolio,
      sortValue: (r) => r.portfolio,
      width: 100,
    },
    {
      id: 'away',
      header: '今日',
      cell: (r) => (r.away ? <Tag color="orange">外出</Tag> : '在岗'),
      sortValue: (r) => (r.away ? 1 : 0),
      width: 80,
    },
    { id: 'actions', header: '操作', cell: (r) => actions(r.id, r.name, r.person), width: 120 },
  ];
}

function unitColumns(actions: Actions): Column<ReturnType<typeof unitRows>[number]>[] {
  return [
    text('name', '单位', (r) => r.name, 200),
    text('kind', '类别', (r) => r.kind, 120),
    text('head', '主要负责同志', (r) => r.head, 110),
    text('responsible', '分管区领导', (r) => r.responsible, 140),
    { id: 'roles', header: '固定角色', cell: (r) => r.roles || '—', sortValue: (r) => r.roles, width: 150 },
    { id: 'actions', header: '操作', cell: (r) => actions(r.id, r.name, r.unit), width: 120 },
  ];
}

function postColumns(actions: Actions): Column<ReturnType<typeof postRows>[number]>[] {
  return [
    text('person', '人员', (r) => r.person, 100),
    text('post', '职务', (r) => r.post, 220),
    text('unit', '单位', (r) => r.unit, 180),
    text('period', '任职期间', (r) => r.period, 200),
    {
      id: 'current',
      header: '状态',
      cell: (r) => currentTag(r.current),
      sortValue: (r) => (r.current ? 0 : 1),
      width: 80,
    },
    {
      id: 'actions',
      header: '操作',
      cell: (r) => actions(r.id, `${r.person} ${r.post}`, r.record),
      width: 120,
    },
  ];
}

function portfolioColumns(actions: Actions): Column<ReturnType<typeof portfolioRows>[number]>[] {
  return [
    text('leader', '区领导', (r) => r.leader, 100),
    text('relation', '关系', (r) => r.relation, 70),
    text('unit', '单位', (r) => r.unit, 220),
    text('period', '期间', (r) => r.period, 200),
    {
      id: 'current',
      header: '状态',
      cell: (r) => currentTag(r.current),
      sortValue: (r) => (r.current ? 0 : 1),
      width: 80,
    },
    {
      id: 'actions',
      header: '操作',
      cell: (r) => actions(r.id, `${r.leader} ${r.relation} ${r.unit}`, r.record),
      width: 120,
    },
  ];
}

function entrustmentColumns(actions: Actions): Column<ReturnType<typeof entrustmentRows>[number]>[] {
  return [
    text('grantee', '受委托人', (r) => r.grantee, 100),
    text('scope', '委托事项', (r) => r.scope, 140),
    text('description', '说明', (r) => r.description, 260),
    text('period', '期间', (r) => r.period, 190),
    {
      id: 'current',
      header: '状态',
      cell: (r) => currentTag(r.current),
      sortValue: (r) => (r.current ? 0 : 1),
      width: 80,
    },
    {
      id: 'actions',
      header: '操作',
      cell: (r) => actions(r.id, `${r.grantee} ${r.scope}`, r.record),
      width: 120,
    },
  ];
}

const TRAVEL_STATUS = {
  past: <Tag>已返回</Tag>,
  now: <Tag color="orange">外出中</Tag>,
  planned: <Tag color="blue">将外出</Tag>,
};

function travelColumns(actions: Actions): Column<ReturnType<typeof travelRows>[number]>[] {
  return [
    text('person', '外出人', (r) => r.person, 100),
    text('period', '外出期间', (r) => r.period, 190),
    text('destination', '地点', (r) => r.destination, 120),
    text('reported', '报告', (r) => r.reported, 170),
    text('approval', '同意', (r) => r.approval, 130),
    {
      id: 'rule',
      header: '第五十九条',
      cell: (r) =>
        r.issues.length === 0 ? (
          <Tag color="green">符合</Tag>
        ) : (
          <Tag color="orange" title={r.issues.join('\n')}>
            {r.issues[0]}
          </Tag>
        ),
      sortValue: (r) => r.issues.length,
      width: 130,
    },
    {
      id: 'status',
      header: '状态',
      cell: (r) => TRAVEL_STATUS[r.status],
      sortValue: (r) => r.record.from,
      width: 80,
    },
    {
      id: 'actions',
      header: '操作',
      cell: (r) => actions(r.id, `${r.person} ${r.period}`, r.record),
      width: 120,
    },
  ];
}

function coverageColumns(actions: Actions): Column<ReturnType<typeof coverageRows>[number]>[] {
  return [
    text('absent', '外出的区领导', (r) => r.absent, 130),
    text('covering', '代管人', (r) => r.covering, 130),
    text('when', '适用', (r) => r.when, 360),
    {
      id: 'actions',
      header: '操作',
      cell: (r) => actions(r.id, `${r.absent} 由 ${r.covering} 代管`, r.record),
      width: 120,
    },
  ];
}
