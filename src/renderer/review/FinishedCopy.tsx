import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChannel, type Article } from '../../shared/article/article';
import { copyBlocks, type TextRun } from '../../shared/article/copy-blocks';
import { getBridge } from '../bridge/bridge';
import { Modal } from '../app/Modal';

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let node: ReactNode = run.text;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.italic) node = <em>{node}</em>;
        if (run.underline) node = <u>{node}</u>;
        if (run.href) node = <a href={run.href} rel="noreferrer noopener" target="_blank">{node}</a>;
        return <Fragment key={index}>{node}</Fragment>;
      })}
    </>
  );
}

/** The copy as it will be published: no annotations, and the reviewers' footer from the sign-offs. */
export function FinishedCopy({ article, footer, onClose }: { article: Article; footer: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('copy.title')} onClose={onClose} className="modal-copy">
      <article className="finished-copy" lang={article.language}>
        {!footer && <p className="copy-draft-mark">{t('copy.draftMark')}</p>}
        {article.channel.length > 0 && <nav className="copy-channel">{formatChannel(article.channel)}</nav>}
        <h1>{article.headline}</h1>
        {article.deck && <p className="copy-deck">{article.deck}</p>}
        {article.byline && <p className="copy-byline">{article.byline}</p>}
        {copyBlocks(article.body).map((block, index) => {
          switch (block.kind) {
            case 'heading':
              return block.level === 3 ? <h3 key={index}><Runs runs={block.runs} /></h3> : <h2 key={index}><Runs runs={block.runs} /></h2>;
            case 'quote':
              return <blockquote key={index}><Runs runs={block.runs} /></blockquote>;
            case 'paragraph':
              return <p key={index}><Runs runs={block.runs} /></p>;
            case 'list': {
              const items = block.items.map((runs, i) => <li key={i}><Runs runs={runs} /></li>);
              return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
            }
            case 'figure':
              return (
                <figure key={index}>
                  <img src={getBridge().assetUrl(block.figure.asset)} alt={block.figure.alt} width={block.figure.width} height={block.figure.height} />
                  {(block.figure.caption || block.figure.credit) && (
                    <figcaption>
                      {block.figure.caption} {block.figure.credit && <span className="copy-credit">{block.figure.credit}</span>}
                    </figcaption>
                  )}
                </figure>
              );
          }
        })}
        <footer className="copy-footer">{footer ?? <span className="muted">{t('copy.footerMissing')}</span>}</footer>
      </article>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('copy.close')}
        </button>
      </div>
    </Modal>
  );
}
