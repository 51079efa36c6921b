import { lazy, type ReactNode } from 'react';
import type { Overview } from '../api';
import { AuditSection } from '../AuditSection';
import { ShopsArea } from '../shops/ShopsArea';
import { TokensSection } from '../TokensSection';
import { UsersSection } from '../UsersSection';
import type { AreaProps } from './areaProps';
import { AREA_IDS, type AreaId } from './areas';
import { OverviewArea } from './OverviewArea';
import { MembersArea } from '../members/MembersArea';

// Statistics carry ECharts: loaded when the area is first opened, so the rest of the page starts light.
const StatsArea = lazy(() => import('../stats/StatsArea').then((m) => ({ default: m.StatsArea })));
const CampaignsArea = lazy(() => import('../campaigns/CampaignsArea').then((m) => ({ default: m.CampaignsArea })));
const ProgrammeArea = lazy(() => import('../programme/ProgrammeArea').then((m) => ({ default: m.ProgrammeArea })));

type AreaView = (props: AreaProps & { overview: Overview }) => ReactNode;

/**
 * What each area shows: ONE line per area. An area without a view (null) is left out of the
 * navigation; mount one as `campaigns: (p) => <CampaignsArea lang={p.lang} session={p.session} />`.
 */
export const areaViews: Record<AreaId, AreaView | null> = {
  overview: (p) => <OverviewArea {...p} />,
  stats: (p) => <StatsArea lang={p.lang} session={p.session} />,
  members: (p) => <MembersArea lang={p.lang} session={p.session} />,
  campaigns: (p) => <CampaignsArea lang={p.lang} session={p.session} />,
  programme: (p) => <ProgrammeArea lang={p.lang} session={p.session} />,
  shops: (p) => <ShopsArea {...p} />,
  audit: (p) => <AuditSection lang={p.lang} />,
  access: (p) => (
    <>
      <UsersSection lang={p.lang} session={p.session} />
      <TokensSection lang={p.lang} session={p.session} />
    </>
  ),
};

/** The areas that have a view. */
export const mountedAreas: ReadonlySet<AreaId> = new Set(AREA_IDS.filter((area) => areaViews[area] !== null));
