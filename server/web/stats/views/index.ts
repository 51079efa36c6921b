import type { StatsView } from '../statsView';
import { activeView } from './activeView';
import { frequencyView } from './frequencyView';
import { growthView } from './growthView';
import { liabilityView } from './liabilityView';
import { memberShareView } from './memberShareView';
import { newMembersView } from './newMembersView';
import { pointsView } from './pointsView';
import { rfmScoresView } from './rfmScoresView';
import { rfmView } from './rfmView';
import { salesView } from './salesView';
import { shopsView } from './shopsView';
import { spendView } from './spendView';
import { tierMovesView } from './tierMovesView';
import { tiersView } from './tiersView';

/** The statistics area's views, in its menu's order: a new view is one file here and one line below. */
export const STATS_VIEWS: readonly StatsView[] = [
  salesView,
  memberShareView,
  spendView,
  newMembersView,
  growthView,
  activeView,
  frequencyView,
  pointsView,
  liabilityView,
  shopsView,
  rfmView,
  rfmScoresView,
  tiersView,
  tierMovesView,
];
