import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileProblem } from '../../shared/contract/api';
import { FileProblems } from '../app/FileProblems';
import { api } from '../bridge/bridge';

/** The article's files that are damaged, unfinished or were set aside, read when it opens. */
export function ArticleFileProblems({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FileProblem[]>([]);
  useEffect(() => {
    let live = true;
    void api.checkArticleFiles({ id: articleId }).then((result) => {
      if (live && result.ok) setProblems(result.value);
    });
    return () => {
      live = false;
    };
  }, [articleId]);
  return <FileProblems className="article-file-problems" title={t('articleFiles.title')} hint={t('articleFiles.hint')} problems={problems} />;
}
