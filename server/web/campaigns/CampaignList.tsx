import type { CampaignRow } from '../../../shared/admin/campaigns';
import { localDateOf } from '../../../shared/domain/zonedDate';
import { rfmSegmentLabel } from '../../../shared/stats/rfmSegmentText';
import { count } from '../format';
import type { Lang } from '../text';
import type { CampaignEditorTextKey } from './campaignEditorText';

// Head office's campaigns, newest start first: status, days, target, budget and what was given.

type T = (key: CampaignEditorTextKey, params?: Record<string, string | number>) => string;

const STATUS: Record<CampaignRow['status'], CampaignEditorTextKey> = {
  draft: 'statusDraft',
  scheduled: 'statusScheduled',
  running: 'statusRunning',
  ended: 'statusEnded',
  cancelled: 'statusCancelled',
};

const day = (ms: number, timeZone: string) => {
  const d = localDateOf(ms, timeZone);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

function targetText(target: CampaignRow['campaign']['target'], t: T, lang: Lang): string {
  switch (target.kind) {
    case 'everyone':
      return t('targetEveryone');
    case 'tiers':
      return `${t('targetTiers')}: ${target.tiers.join(', ')}`;
    case 'newMembers':
      return `${t('targetNewMembers')} (${target.withinDays})`;
    case 'segment':
      return target.rfm
        ? `${t('targetRfm')}: ${rfmSegmentLabel(lang, target.rfm.segment)} (${count(target.memberIds.length, lang)})`
        : t('listSize', { members: target.memberIds.length, asOf: '—' });
  }
}

export function CampaignList(props: {
  rows: readonly CampaignRow[];
  lang: Lang;
  t: T;
  timeZone: string;
  current: string | null;
  onOpen: (id: string) => void;
}) {
  const { rows, lang, t, timeZone, current, onOpen } = props;
  return (
    <table data-testid="campaign-list">
      <thead>
        <tr>
          <th>{t('name')}</th>
          <th>{t('status')}</th>
          <th>{t('dates')}</th>
          <th>{t('target')}</th>
          <th className="num">{t('budget')}</th>
          <th className="num">{t('spent')}</th>
          <th className="num">{t('granted')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ campaign: c, status, spentPoints, members, grantedPoints }) => (
          <tr key={c.id} data-testid="campaign-row" data-status={status} aria-current={c.id === current || undefined}>
            <td>{c.name}</td>
            <td>{t(STATUS[status])}</td>
            <td>
              {day(c.startsAt, timeZone)} – {day(c.endsAt - 1, timeZone)}
            </td>
            <td>{targetText(c.target, t, lang)}</td>
            <td className="num">{count(c.budgetPoints, lang)}</td>
            <td className="num">
              {count(spentPoints, lang)} ({count(members, lang)})
            </td>
            <td className="num">{count(grantedPoints, lang)}</td>
            <td>
              <button type="button" onClick={() => onOpen(c.id)}>
                {t('edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
