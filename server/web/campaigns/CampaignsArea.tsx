import { useCallback, useEffect, useState } from 'react';
import type { CampaignRow } from '../../../shared/admin/campaigns';
import { roleMayCall } from '../../../shared/admin/roles';
import type { RfmSegment } from '../../../shared/stats/rfm';
import { DEFAULT_SHOP_TIME_ZONE } from '../../../shared/sync/timeZone';
import { sessionClient, type Session } from '../api';
import type { Lang } from '../text';
import { CampaignEffectArea } from './CampaignEffect';
import { campaignEditorText, type CampaignEditorTextKey } from './campaignEditorText';
import { CampaignEditor } from './CampaignEditor';
import { CampaignList } from './CampaignList';

// Head office's campaigns area: the list, the editor of the one opened (draft → what-if → publish,
// or cancel), and the effect of any campaign below them.

/** A v4 UUID for a new campaign (getRandomValues: also where the page is not a secure context). */
function newCampaignId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function CampaignsArea({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback(
    (key: CampaignEditorTextKey, params?: Record<string, string | number>) => campaignEditorText(lang, key, params),
    [lang],
  );
  const [rows, setRows] = useState<CampaignRow[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [segmentSizes, setSegmentSizes] = useState<ReadonlyMap<RfmSegment, number> | null>(null);
  // The effect view reads the list when it mounts: a change remounts it.
  const [version, setVersion] = useState(0);
  const role = session.me.role;

  const load = useCallback(async () => {
    const answer = await sessionClient(null).send('campaigns');
    if (answer.ok) {
      setRows(answer.value.campaigns);
      setLoaded(true);
    }
    setVersion((v) => v + 1);
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!roleMayCall('statsRfm', role)) return;
    void sessionClient(null)
      .send('statsRfm', { query: {} })
      .then((a) => a.ok && setSegmentSizes(new Map(a.value.segments.map((s) => [s.segment, s.members]))));
  }, [role]);

  return (
    <>
      <section aria-labelledby="campaigns-h" data-testid="campaigns-area">
        <h2 id="campaigns-h">{t('listTitle')}</h2>
        {roleMayCall('upsertCampaign', role) && (
          <p>
            <button type="button" data-testid="campaign-new" onClick={() => setOpen(newCampaignId())}>
              {t('newCampaign')}
            </button>
          </p>
        )}
        {loaded && rows.length === 0 ? (
          <p className="muted" data-testid="campaign-list-empty">
            {t(roleMayCall('upsertCampaign', role) ? 'listEmptyMake' : 'listEmpty')}
          </p>
        ) : (
          <CampaignList
            rows={rows}
            lang={lang}
            t={t}
            timeZone={DEFAULT_SHOP_TIME_ZONE}
            current={open}
            onOpen={setOpen}
          />
        )}
        {open !== null && (
          <CampaignEditor
            key={open}
            id={open}
            row={rows.find((r) => r.campaign.id === open) ?? null}
            lang={lang}
            session={session}
            t={t}
            timeZone={DEFAULT_SHOP_TIME_ZONE}
            now={Date.now()}
            segmentSizes={segmentSizes}
            onChanged={load}
            onClose={() => setOpen(null)}
          />
        )}
      </section>
      {/* Nothing to measure before the first campaign: the list above already says so. */}
      {rows.length > 0 && <CampaignEffectArea key={version} lang={lang} session={session} />}
    </>
  );
}
