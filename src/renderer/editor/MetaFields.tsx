import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChannel, LANGUAGES, LIMITS, parseChannel, type Language } from '../../shared/article/article';
import type { MetaProposal } from '../../shared/suggestions/model';
import { FieldChanges, useFieldChanges } from '../changes/FieldChanges';
import { FieldProposals } from '../suggestions/FieldProposals';
import type { MetaFields as Meta } from './article-session';
import { AutoGrowTextarea } from './AutoGrowTextarea';
import { proposedField } from './suggesting/proposed-field';
import { useSuggesting } from './suggesting/suggesting-context';

interface MetaFieldsProps {
  meta: Meta;
  channels: string[][];
  editable: boolean;
  onChange: (patch: Partial<Meta>) => void;
  /** The copy's language, set by hand. */
  onLanguage: (language: Language) => void;
}

/** Channel path, headline, deck and byline: plain fields above the body. */
export function MetaFields({ meta, channels, editable, onChange, onLanguage }: MetaFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [channelText, setChannelText] = useState(formatChannel(meta.channel));
  const suggesting = useSuggesting();
  const proposals = (meta.proposals ?? []) as MetaProposal[];
  const field = (name: 'headline' | 'deck' | 'byline') => {
    const proposed = proposedField(name, meta[name], proposals, suggesting, editable);
    return {
      ...proposed,
      onChange: (text: string) => {
        const { value, proposals: next } = proposed.change(text);
        onChange({ ...(value !== undefined ? { [name]: value } : {}), proposals: next.length > 0 ? next : undefined });
      },
      list: suggesting.view === 'changes' && <FieldProposals value={meta[name]} proposals={proposed.pending} language={suggesting.language} />,
    };
  };
  const changes = { headline: useFieldChanges('headline'), deck: useFieldChanges('deck'), byline: useFieldChanges('byline') };
  const headline = field('headline');
  const deck = field('deck');
  const byline = field('byline');
  // Channel and language are not suggested: they are set by whoever edits.
  const plainEditable = editable && !suggesting.suggester && suggesting.view === 'changes';
  return (
    <div className="meta-fields">
      <div className="meta-row meta-channel">
        <label htmlFor={`${id}-channel`}>{t('editor.channel')}</label>
        <input
          id={`${id}-channel`}
          list={`${id}-channels`}
          value={channelText}
          placeholder={t('editor.channelPlaceholder')}
          readOnly={!plainEditable}
          maxLength={LIMITS.channelSegments * (LIMITS.channelSegment + 3)}
          onChange={(event) => {
            setChannelText(event.target.value);
            onChange({ channel: parseChannel(event.target.value) });
          }}
          onBlur={() => setChannelText(formatChannel(parseChannel(channelText)))}
        />
        <datalist id={`${id}-channels`}>
          {channels.map((channel) => (
            <option key={formatChannel(channel)} value={formatChannel(channel)} />
          ))}
        </datalist>
      </div>
      <AutoGrowTextarea
        id={`${id}-headline`}
        className="meta-headline"
        label={t('editor.headline')}
        placeholder={t('editor.headlinePlaceholder')}
        value={headline.shown}
        maxLength={LIMITS.headline}
        readOnly={headline.readOnly}
        singleLine
        onChange={headline.onChange}
      />
      {headline.list}
      <FieldChanges parts={changes.headline} />
      <AutoGrowTextarea
        id={`${id}-deck`}
        className="meta-deck"
        label={t('editor.deck')}
        placeholder={t('editor.deckPlaceholder')}
        value={deck.shown}
        maxLength={LIMITS.deck}
        readOnly={deck.readOnly}
        onChange={deck.onChange}
      />
      {deck.list}
      <FieldChanges parts={changes.deck} />
      <div className="meta-row meta-language">
        <label htmlFor={`${id}-language`}>{t('editor.language')}</label>
        <select id={`${id}-language`} value={meta.language} disabled={!plainEditable} onChange={(event) => onLanguage(event.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`editor.languages.${language}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="meta-row meta-byline">
        <label htmlFor={`${id}-byline`}>{t('editor.byline')}</label>
        <input
          id={`${id}-byline`}
          value={byline.shown}
          placeholder={t('editor.bylinePlaceholder')}
          maxLength={LIMITS.byline}
          readOnly={byline.readOnly}
          onChange={(event) => byline.onChange(event.target.value)}
        />
      </div>
      {byline.list}
      <FieldChanges parts={changes.byline} />
    </div>
  );
}
