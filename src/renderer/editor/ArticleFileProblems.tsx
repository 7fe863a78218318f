import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileProblem } from '../../shared/contract/api';
import { FileProblems } from '../app/FileProblems';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { api } from '../bridge/bridge';

/** The article's files that are damaged, unfinished or were set aside: read when it opens and again after each review action (which may set a torn record aside). */
export function ArticleFileProblems({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const actions = useSelect(useOpenArticle().review, (state) => state.review?.records.length ?? 0);
  useEffect(() => {
    let live = true;
    void api.checkArticleFiles({ id: articleId }).then((result) => {
      if (live && result.ok) setProblems(result.value);
    });
    return () => {
      live = false;
    };
  }, [articleId, actions]);
  return <FileProblems className="article-file-problems" title={t('articleFiles.title')} hint={t('articleFiles.hint')} problems={problems} />;
}
