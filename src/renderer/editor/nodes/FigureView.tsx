import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureFields } from '../../../shared/article/body';
import { getBridge } from '../../bridge/bridge';
import { useErrorReporter } from '../../app/error-context';
import { ACCEPTED_IMAGE_TYPES, importImageFile } from '../image-import';
import type { FigureActions, FigureTextField } from './figure-actions';

function useFieldState(actions: FigureActions, field: FigureTextField, value: string) {
  const [local, setLocal] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setLocal(value);
  }, [value]);
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = event.target.value;
    setLocal(next);
    actions.setText(field, next);
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

export function FigureView({ fields, actions }: { fields: FigureFields; actions: FigureActions }) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  const [broken, setBroken] = useState(false);
  const caption = useFieldState(actions, 'caption', fields.caption);
  const credit = useFieldState(actions, 'credit', fields.credit);
  const alt = useFieldState(actions, 'alt', fields.alt);
  const editable = useLexicalEditable();

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
        {editable && (
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
          readOnly={!editable}
          {...caption}
        />
        <div className="figure-row">
          <label htmlFor={`${id}-credit`}>{t('figure.credit')}</label>
          <input id={`${id}-credit`} className="figure-credit" placeholder={t('figure.creditPlaceholder')} readOnly={!editable} {...credit} />
        </div>
        <div className="figure-row">
          <label htmlFor={`${id}-alt`}>{t('figure.alt')}</label>
          <input id={`${id}-alt`} className="figure-alt" placeholder={t('figure.altPlaceholder')} readOnly={!editable} {...alt} />
        </div>
      </figcaption>
    </figure>
  );
}
