import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleVersionView } from '../../../shared/contract/programme';
import { api } from '../../api/tillApi';
import { dateTime } from '../../lib/format';
import type { SectionProps } from './programmeSections';

/** A version's earn rule in a few words: "1 pt / 100" or "ladder (3)". */
function ruleWords(v: RuleVersionView): string {
  const base = v.rules.base;
  if (base.kind === 'perAmount') return `${base.ratio.points} / ${base.ratio.perMinor}`;
  if (base.kind === 'ladderAmount')
    return `[${base.bands.map((b) => `${b.fromMinor}: ${b.ratio.points}/${b.ratio.perMinor}`).join(', ')}]`;
  return '—';
}

/** Every rule version this till holds, newest first: what each sale's ledger rows name. */
export function HistorySection({ programme, report }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<RuleVersionView[] | null>(null);
  useEffect(() => {
    void api.ruleHistory({}).then((result) => {
      if (result.ok) setVersions(result.value);
      else report(result.error);
    });
  }, [programme, report]);
  if (versions === null) return <p>{t('programme.loading')}</p>;
  if (versions.length === 0) return <p>{t('programme.history.none')}</p>;
  return (
    <table className="table" data-testid="programme-history">
      <thead>
        <tr>
          <th>{t('programme.history.version')}</th>
          <th>{t('programme.history.source')}</th>
          <th>{t('programme.history.from')}</th>
          <th>{t('programme.history.ratio')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version} data-testid="programme-history-row">
            <td>{v.version}</td>
            <td>{t(`programme.history.sourceName.${v.source}`)}</td>
            <td>{dateTime(v.effectiveFrom, i18n.language)}</td>
            <td>{ruleWords(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
