/**
 * 检索: one box over incoming and outgoing documents — words of the title and text (Intl.Segmenter), reference
 * numbers, and unit or person names by their pinyin initials ("czj" → 区财政局). Several terms narrow down.
 */
import { Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../../shared/domain/documents/model';
import { emptyRegistry, unitName, type Registry } from '../../../../shared/domain/registry';
import { unitId } from '../../../../shared/domain/ids';
import { getStore } from '../../../data';
import type { SearchHit, SearchResult } from '../../../data/document-search';
import { INCOMING_STATE_LABELS, type IncomingState } from '../../../data/incoming-repo';
import '../incoming/incoming.css';

type Direction = 'all' | 'incoming' | 'outgoing';

const kindLabel = (k?: string) => (k !== undefined && k in DOCUMENT_KIND_LABELS ? DOCUMENT_KIND_LABELS[k as DocumentKind] : (k ?? ''));
const stateLabel = (h: SearchHit) =>
  h.direction === 'incoming' && h.state !== undefined && h.state in INCOMING_STATE_LABELS ? INCOMING_STATE_LABELS[h.state as IncomingState] : (h.state ?? '');
const hrefOf = (h: SearchHit) => `/documents/${h.direction}/${h.id}`;

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const direction = (params.get('d') as Direction | null) ?? 'all';
  const [text, setText] = useState(query);
  const [result, setResult] = useState<(SearchResult & { ms: number; query: string }) | undefined>(undefined);
  const [registry, setRegistry] = useState<Registry>(emptyRegistry);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    void getStore().then((s) => s.registry.load()).then(setRegistry, () => undefined);
  }, []);

  useEffect(() => {
    let live = true;
    if (query.trim() === '') return;
    void (async () => {
      try {
        const store = await getStore();
        const t = performance.now();
        const r = await store.searchDocuments(query, direction === 'all' ? {} : { direction });
        if (live) {
          setResult({ ...r, ms: performance.now() - t, query });
          setError(undefined);
        }
      } catch {
        if (live) setError('检索失败，请重试；如仍失败，请重启会文。');
      }
    })();
    return () => {
      live = false;
    };
  }, [query, direction]);

  const search = (q: string, d: Direction = direction) => setParams(q.trim() === '' ? {} : { q: q.trim(), ...(d === 'all' ? {} : { d }) });

  return (
    <>
      <h2 className="hw-in-title">检索公文</h2>
      <p className="hw-in-intro">输入标题或正文中的词语、文号，或单位、人员名称的拼音首字母（如“czj”查区财政局）；多个词用空格分开。</p>
      <Space wrap className="hw-in-mt" align="center">
        <Input.Search
          aria-label="检索词"
          style={{ width: 420 }}
          allowClear
          enterButton="检索"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => search(v)}
        />
        <Radio.Group
          aria-label="范围"
          value={direction}
          onChange={(e) => search(text, e.target.value as Direction)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'incoming', label: '收文' },
            { value: 'outgoing', label: '发文' },
          ]}
        />
      </Space>
      {error !== undefined ? <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph> : null}
      {result !== undefined && query.trim() !== '' ? (
        <>
          <Typography.Paragraph className="hw-in-mt" data-testid="search-summary">
            找到 {result.total} 件{result.total > result.hits.length ? `，显示最新的 ${result.hits.length} 件` : ''}（用时 {result.ms.toFixed(0)} 毫秒）
          </Typography.Paragraph>
          <Table<SearchHit>
            size="small"
            rowKey="id"
            data-testid="search-results"
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={[...result.hits]}
            locale={{ emptyText: `没有找到与“${result.query}”相关的公文。可换个词语，或用单位名称的拼音首字母。` }}
            columns={[
              { title: '类别', dataIndex: 'direction', width: 70, render: (d: SearchHit['direction']) => <Tag color={d === 'incoming' ? 'blue' : 'green'}>{d === 'incoming' ? '收文' : '发文'}</Tag> },
              { title: '编号', dataIndex: 'number', width: 150 },
              { title: '标题', dataIndex: 'title', render: (t: string, h) => <Link to={hrefOf(h)}>{t}</Link> },
              { title: '文种', dataIndex: 'kind', width: 70, render: (k?: string) => kindLabel(k) },
              { title: '单位', dataIndex: 'unitId', width: 170, render: (u?: string) => (u === undefined ? '' : unitName(registry, unitId(u))) },
              { title: '日期', dataIndex: 'registeredOn', width: 110 },
              { title: '状态', key: 'state', width: 80, render: (_: unknown, h) => stateLabel(h) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
