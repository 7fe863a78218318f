import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChannel, LANGUAGES, LIMITS, parseChannel, type Language } from '../../shared/article/article';
import type { MetaFields as Meta } from './article-session';
import { AutoGrowTextarea } from './AutoGrowTextarea';

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
  return (
    <div className="meta-fields">
      <div className="meta-row meta-channel">
        <label htmlFor={`${id}-channel`}>{t('editor.channel')}</label>
        <input
          id={`${id}-channel`}
          list={`${id}-channels`}
          value={channelText}
          placeholder={t('editor.channelPlaceholder')}
          readOnly={!editable}
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
        value={meta.headline}
        maxLength={LIMITS.headline}
        readOnly={!editable}
        singleLine
        onChange={(headline) => onChange({ headline })}
      />
      <AutoGrowTextarea
        id={`${id}-deck`}
        className="meta-deck"
        label={t('editor.deck')}
        placeholder={t('editor.deckPlaceholder')}
        value={meta.deck}
        maxLength={LIMITS.deck}
        readOnly={!editable}
        onChange={(deck) => onChange({ deck })}
      />
      <div className="meta-row meta-language">
        <label htmlFor={`${id}-language`}>{t('editor.language')}</label>
        <select id={`${id}-language`} value={meta.language} disabled={!editable} onChange={(event) => onLanguage(event.target.value as Language)}>
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
          value={meta.byline}
          placeholder={t('editor.bylinePlaceholder')}
          maxLength={LIMITS.byline}
          readOnly={!editable}
          onChange={(event) => onChange({ byline: event.target.value })}
        />
      </div>
    </div>
  );
}
