import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProgrammeAnswer } from '../../../shared/admin/programme';
import { roleMayCall } from '../../../shared/admin/roles';
import type { AdminRouteName } from '../../../shared/admin/contract';
import { sessionClient } from '../api';
import { dateTime } from '../format';
import type { AreaProps } from '../shell/areaProps';
import { ExpiryTab } from './ExpiryTab';
import { GoodsTab } from './GoodsTab';
import { OfflineCapsTab } from './OfflineCapsTab';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import type { PartProps } from './programmeProps';
import { RewardsTab } from './RewardsTab';
import { RulesTab } from './RulesTab';
import { TiersTab } from './TiersTab';
import './programme.css';

// The chain's programme at head office (issue 16): earn rules with a sample basket's preview, tiers,
// rewards, goods, expiry and offline caps, on the admin routes of issues 7 and 9. A part shows when the
// signed-in role may read it, and its writes only when the role may send them (shared/admin/roles.ts).

const TABS = ['rules', 'tiers', 'rewards', 'goods', 'expiry', 'caps'] as const;
type Tab = (typeof TABS)[number];

/** Each part's read and write routes. */
const ROUTES: Record<Tab, { reads: AdminRouteName; writes: AdminRouteName }> = {
  rules: { reads: 'programme', writes: 'publishRules' },
  tiers: { reads: 'programme', writes: 'publishTiers' },
  rewards: { reads: 'programme', writes: 'upsertReward' },
  goods: { reads: 'goods', writes: 'addGoods' },
  expiry: { reads: 'programme', writes: 'publishRules' },
  caps: { reads: 'offlineCaps', writes: 'setDefaultOfflineCap' },
};

export function ProgrammeArea({ lang, session }: AreaProps) {
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const role = session.me.role;
  const admin = useMemo(() => sessionClient(session.csrfToken), [session.csrfToken]);
  const tabs = TABS.filter((tab) => roleMayCall(ROUTES[tab].reads, role));
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'rules');
  const [programme, setProgramme] = useState<ProgrammeAnswer | null>(null);
  // Each write reloads the programme (a part's form keeps what was just published, and its note).
  const reload = useCallback(async () => {
    const answer = await admin.send('programme');
    if (answer.ok) setProgramme(answer.value);
  }, [admin]);
  useEffect(() => void reload(), [reload]);

  const mayWrite = roleMayCall(ROUTES[tab].writes, role);
  const props: PartProps | null = programme && { lang, programme, admin, mayWrite, reload };
  return (
    <section aria-labelledby="programme-h" data-testid="programme">
      <h2 id="programme-h">{t('heading')}</h2>
      <p className="muted" data-testid="rules-version">
        {programme?.rules
          ? t('version', { version: programme.rules.version, from: dateTime(programme.rules.effectiveFrom, lang, '') })
          : programme && t('noVersion')}
      </p>
      <div className="programme__tabs" role="group" aria-label={t('tabs')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            data-tab={id}
            aria-pressed={id === tab}
            className={id === tab ? 'programme__tab--current' : undefined}
            onClick={() => setTab(id)}
          >
            {t(`tab_${id}`)}
          </button>
        ))}
      </div>
      {!mayWrite && <p className="muted">{t('readOnly')}</p>}
      {props === null ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <div key={tab}>
          {tab === 'rules' && <RulesTab {...props} />}
          {tab === 'tiers' && <TiersTab {...props} />}
          {tab === 'rewards' && <RewardsTab {...props} />}
          {tab === 'goods' && <GoodsTab {...props} />}
          {tab === 'expiry' && <ExpiryTab {...props} />}
          {tab === 'caps' && <OfflineCapsTab {...props} role={role} />}
        </div>
      )}
    </section>
  );
}
