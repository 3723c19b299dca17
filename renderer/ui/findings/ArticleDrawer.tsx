import { Drawer, Typography } from 'antd';
import { articleText } from '../../../shared/domain/articles';
import { articleLabel } from '../../../shared/domain/findings';

/** The text of one article of 《工作规则》, opened from a citation. */
export function ArticleDrawer({ article, onClose }: { article: number | undefined; onClose: () => void }) {
  const a = article === undefined ? undefined : articleText(article);
  return (
    <Drawer
      open={article !== undefined}
      onClose={onClose}
      title={article === undefined ? '' : `《工作规则》${articleLabel(article)}`}
      size={480}
      destroyOnHidden
    >
      {a === undefined ? (
        <Typography.Paragraph>找不到该条文。</Typography.Paragraph>
      ) : (
        <article data-testid="article-text">
          <Typography.Text type="secondary">{a.chapter}</Typography.Text>
          {a.text.split('\n').map((p, i) => (
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          ))}
        </article>
      )}
    </Drawer>
  );
}
