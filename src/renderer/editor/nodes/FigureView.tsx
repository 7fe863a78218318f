import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureFields } from '../../../shared/article/body';
import type { FigureProposal } from '../../../shared/suggestions/model';
import { getBridge } from '../../bridge/bridge';
import { FieldChanges, useFigureChanges } from '../../changes/FieldChanges';
import { FieldProposals } from '../../suggestions/FieldProposals';
import { proposedField } from '../suggesting/proposed-field';
import { useSuggesting } from '../suggesting/suggesting-context';
import { useErrorReporter } from '../../app/error-context';
import { ACCEPTED_IMAGE_TYPES, importImageFile } from '../image-import';
import type { FigureActions } from './figure-actions';

/** A text field that keeps what is typed while it has the focus (so input methods are never interrupted). */
function useFieldState(change: (text: string) => void, value: string) {
  const [local, setLocal] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setLocal(value);
  }, [value]);
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = event.target.value;
    setLocal(next);
    change(next);
  };
  return {
    value: local,
    onChange,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      setLocal(value);
    },
  };
}

export function FigureView({ fields, proposals, actions }: { fields: FigureFields; proposals: readonly FigureProposal[]; actions: FigureActions }) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const suggesting = useSuggesting();
  const editable = useLexicalEditable();

  const [broken, setBroken] = useState(false);
  // Caption and credit take suggestions; alt text is a description for screen readers, edited only.
  const proposed = (field: 'caption' | 'credit') => proposedField(field, fields[field], proposals, suggesting, editable);
  const changeProposed = (field: 'caption' | 'credit') => (text: string) => {
    const result = proposed(field).change(text);
    if (result.value !== undefined) actions.setText(field, result.value);
    if (result.proposals.length !== proposals.length || result.proposals.some((p, i) => p !== proposals[i])) actions.setProposals(result.proposals);
  };
  const captionField = proposed('caption');
  const creditField = proposed('credit');
  const caption = useFieldState(changeProposed('caption'), captionField.shown);
  const credit = useFieldState(changeProposed('credit'), creditField.shown);
  const alt = useFieldState((text) => actions.setText('alt', text), fields.alt);
  const showProposals = suggesting.view === 'changes';
  const changes = useFigureChanges(fields);

  useEffect(() => setBroken(false), [fields.asset]);

  const replace = async (file: File | undefined) => {
    if (!file) return;
    try {
      actions.setImage(await importImageFile(file));
    } catch (error) {
      reportError(error);
    }
  };

  const missingCaption = fields.caption.trim() === '';
  return (
    <figure className="figure" aria-label={t('figure.image')} data-missing-caption={missingCaption || undefined}>
      <div className="figure-image-frame">
        {broken ? (
          <div className="figure-broken" role="img" aria-label={t('figure.missingImage')}>
            {t('figure.missingImage')}
          </div>
        ) : (
          <img
            src={getBridge().assetUrl(fields.asset)}
            alt={fields.alt}
            width={fields.width}
            height={fields.height}
            draggable={false}
            loading="lazy"
            decoding="async"
            onError={() => setBroken(true)}
          />
        )}
        {editable && suggesting.suggester === null && suggesting.view === 'changes' && (
          <div className="figure-actions">
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t('figure.replace')}
            </button>
            <button type="button" className="danger" onClick={actions.remove}>
              {t('figure.remove')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPTED_IMAGE_TYPES}
              hidden
              aria-label={t('figure.replace')}
              onChange={(event) => {
                void replace(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </div>
        )}
      </div>
      <figcaption className="figure-fields">
        <label htmlFor={`${id}-caption`}>
          {t('figure.caption')}
          {missingCaption && <span className="figure-warning">{t('figure.noCaption')}</span>}
        </label>
        <textarea
          id={`${id}-caption`}
          className="figure-caption"
          rows={1}
          placeholder={t('figure.captionPlaceholder')}
          readOnly={captionField.readOnly}
          {...caption}
        />
        {showProposals && <FieldProposals value={fields.caption} proposals={captionField.pending} language={suggesting.language} />}
        <FieldChanges parts={changes?.caption} />
        <div className="figure-row">
          <label htmlFor={`${id}-credit`}>{t('figure.credit')}</label>
          <input id={`${id}-credit`} className="figure-credit" placeholder={t('figure.creditPlaceholder')} readOnly={creditField.readOnly} {...credit} />
        </div>
        {showProposals && <FieldProposals value={fields.credit} proposals={creditField.pending} language={suggesting.language} />}
        <FieldChanges parts={changes?.credit} />
        <div className="figure-row">
          <label htmlFor={`${id}-alt`}>{t('figure.alt')}</label>
          <input id={`${id}-alt`} className="figure-alt" placeholder={t('figure.altPlaceholder')} readOnly={!editable || suggesting.suggester !== null} {...alt} />
        </div>
      </figcaption>
    </figure>
  );
}
