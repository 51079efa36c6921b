import type { StatsView } from '../statsView';
import { memberShareView } from './memberShareView';
import { newMembersView } from './newMembersView';
import { pointsView } from './pointsView';
import { salesView } from './salesView';

/** The statistics area's views, in its menu's order: a new view is one file here and one line below. */
export const STATS_VIEWS: readonly StatsView[] = [salesView, memberShareView, newMembersView, pointsView];
