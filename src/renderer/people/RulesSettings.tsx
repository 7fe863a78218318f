import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULES, RULE_LEVELS, type CheckSettings, type HouseLists, type RuleLevel } from '../../shared/checks/index';
import { REVIEW_STAGES, type ReviewStage } from '../../shared/review/stages';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { useErrorReporter } from '../app/error-context';
import { interfaceLanguage } from '../app/error-message';

const termsText = (lists: HouseLists) => lists.terms.map((t) => `${t.avoid} => ${t.use}`).join('\n');
const namesText = (lists: HouseLists) => lists.names.map((n) => `${n.name} | ${n.title}`).join('\n');

function parseLists(terms: string, names: string): HouseLists {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    terms: lines(terms)
      .map((line) => line.split(/\s*=>\s*/))
      .filter((parts) => parts.length === 2 && parts[0] && parts[1])
      .map(([avoid, use]) => ({ avoid: avoid!, use: use! })),
    names: lines(names)
      .map((line) => line.split(/\s*[|｜]\s*/))
      .filter((parts) => parts.length === 2 && parts[0] && parts[1])
      .map(([name, title]) => ({ name: name!, title: title! })),
  };
}

/** The administrator's proofreading settings: each rule's level and the stages it blocks, and the house lists. */
export function RulesSettings() {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const id = useId();
  const language = interfaceLanguage();
  const [settings, setSettings] = useState<CheckSettings | null>(null);
  const [terms, setTerms] = useState('');
  const [names, setNames] = useState('');

  useEffect(() => {
    void unwrap(api.getProofreading({})).then((p) => {
      setSettings(p.settings);
      setTerms(termsText(p.lists));
      setNames(namesText(p.lists));
    }, reportError);
  }, [reportError]);

  if (!settings) return null;
  const save = (next: CheckSettings) =>
    void unwrap(api.updateProofreading({ settings: next })).then((p) => setSettings(p.settings), reportError);
  const setLevel = (rule: string, level: RuleLevel) => save({ ...settings, rules: { ...settings.rules, [rule]: { ...settings.rules[rule as keyof CheckSettings['rules']], level } } });
  const toggleStage = (rule: keyof CheckSettings['rules'], stage: ReviewStage, on: boolean) => {
    const current = settings.rules[rule].blocksStages;
    save({ ...settings, rules: { ...settings.rules, [rule]: { ...settings.rules[rule], blocksStages: on ? [...current, stage] : current.filter((s) => s !== stage) } } });
  };

  return (
    <section className="rules-settings" aria-label={t('checks.rules')}>
      <h3>{t('checks.rules')}</h3>
      <table className="people-table">
        <tbody>
          {RULES.map((rule) => {
            const setting = settings.rules[rule.id];
            return (
              <tr key={rule.id}>
                <th scope="row" title={rule.description[language]}>
                  {rule.name[language]}
                </th>
                <td>
                  <select aria-label={rule.name[language]} value={setting.level} onChange={(e) => setLevel(rule.id, e.target.value as RuleLevel)}>
                    {RULE_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`checks.level.${level}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {REVIEW_STAGES.map((stage) => (
                  <td key={stage}>
                    <label className="stage-toggle">
                      <input
                        type="checkbox"
                        disabled={setting.level !== 'required'}
                        checked={setting.blocksStages.includes(stage)}
                        onChange={(e) => toggleStage(rule.id, stage, e.target.checked)}
                      />
                      {t(`stages.${stage}`)}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="house-lists"
        onSubmit={(event) => {
          event.preventDefault();
          void unwrap(api.updateProofreading({ lists: parseLists(terms, names) })).then((p) => {
            setTerms(termsText(p.lists));
            setNames(namesText(p.lists));
          }, reportError);
        }}
      >
        <label htmlFor={`${id}-terms`}>{t('checks.terms')}</label>
        <textarea id={`${id}-terms`} rows={3} value={terms} onChange={(e) => setTerms(e.target.value)} />
        <label htmlFor={`${id}-names`}>{t('checks.names')}</label>
        <textarea id={`${id}-names`} rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
        <button type="submit">{t('checks.saveLists')}</button>
      </form>
    </section>
  );
}
