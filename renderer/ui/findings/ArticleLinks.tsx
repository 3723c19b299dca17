import { Button } from 'antd';
import { articleLabel } from '../../../shared/domain/findings';

/** "第四十七条" buttons: each opens the article's text (keyboard: Tab + Enter). */
export function ArticleLinks({
  articles,
  onOpen,
}: {
  articles: readonly number[];
  onOpen: (article: number) => void;
}) {
  return (
    <span className="hw-article-links">
      {articles.map((n) => (
        <Button
          key={n}
          type="link"
          size="small"
          onClick={() => onOpen(n)}
          aria-label={`查看${articleLabel(n)}原文`}
        >
          {articleLabel(n)}
        </Button>
      ))}
    </span>
  );
}
