import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CampaignEffectAnswer, WhatIfAnswer } from '../../../shared/admin/campaignEffect';
import type { CampaignRow } from '../../../shared/admin/campaigns';
import { MAX_WHAT_IF_WEEKS } from '../../../shared/admin/campaignEffect';
import { roleMayCall } from '../../../shared/admin/roles';
import { sessionClient, type Session } from '../api';
import { NoteLine, useOfficeAction } from '../officeAction';
import type { Lang } from '../text';
import { campaignText, type CampaignTextKey } from './campaignText';
import { EffectTables } from './EffectTables';
import { WhatIfResult } from './WhatIfResult';

/**
 * Head office's campaign effect area: pick a campaign, see its effect (figures and lift against
 * its holdout), and replay it over past weeks (what-if; the draft as stored, under its own id).
 */
export function CampaignEffectArea({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback(
    (key: CampaignTextKey, params?: Record<string, string | number>) => campaignText(lang, key, params),
    [lang],
  );
  const refused = useCallback((message: string) => campaignText(lang, 'refused', { message }), [lang]);
  const [rows, setRows] = useState<CampaignRow[]>([]);
  const [picked, setPicked] = useState('');
  const [effect, setEffect] = useState<CampaignEffectAnswer | null>(null);
  const [weeks, setWeeks] = useState(4);
  const [whatIf, setWhatIf] = useState<WhatIfAnswer | null>(null);
  const mayReplay = roleMayCall('campaignWhatIf', session.me.role);

  const load = useCallback(async () => {
    const answer = await sessionClient(null).send('campaigns');
    if (!answer.ok) return;
    setRows(answer.value.campaigns);
    setPicked((current) => current || (answer.value.campaigns[0]?.campaign.id ?? ''));
  }, []);
  useEffect(() => void load(), [load]);
  const { note, run } = useOfficeAction(refused, async () => undefined);

  const chosen = rows.find((r) => r.campaign.id === picked)?.campaign;
  const showEffect = async () => {
    if (!chosen) return;
    setEffect(null);
    setEffect((await run(() => sessionClient(null).call('campaignEffect', { params: { id: chosen.id } }), '')) ?? null);
  };
  const replay = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const { id, published: _p, cancelled: _c, updatedAt: _u, ...draft } = chosen;
    setWhatIf(null);
    const admin = sessionClient(session.csrfToken);
    const answer = await run(() => admin.call('campaignWhatIf', { params: { id }, query: { weeks }, body: draft }), '');
    setWhatIf(answer ?? null);
  };

  return (
    <section aria-labelledby="campaign-effect-h" data-testid="campaign-effect-area">
      <h2 id="campaign-effect-h">{t('effectTitle')}</h2>
      <NoteLine note={note?.kind === 'error' ? note : null} />
      {rows.length === 0 ? (
        <p className="muted">{t('noCampaigns')}</p>
      ) : (
        <p>
          <label>
            {t('campaign')}{' '}
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              {rows.map((r) => (
                <option key={r.campaign.id} value={r.campaign.id}>
                  {r.campaign.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => void showEffect()}>
            {t('show')}
          </button>
        </p>
      )}
      {effect && effect.campaignId === picked && <EffectTables effect={effect} lang={lang} />}
      {mayReplay && chosen && (
        <form onSubmit={(e) => void replay(e)}>
          <h3>{t('whatIfTitle')}</h3>
          <label>
            {t('weeks')}{' '}
            <input
              type="number"
              min={1}
              max={MAX_WHAT_IF_WEEKS}
              value={weeks}
              onChange={(e) => setWeeks(Number(e.target.value))}
            />
          </label>{' '}
          <button type="submit">{t('run')}</button>
        </form>
      )}
      {whatIf && <WhatIfResult answer={whatIf} lang={lang} />}
    </section>
  );
}
