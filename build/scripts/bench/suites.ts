import { lookupSuite } from './lookupSuite';
import { openSuite } from './openSuite';
import { reportSuite } from './reportSuite';
import { saleSuite } from './saleSuite';
import type { AnySuite } from './suite';
import { tillSuite } from './tillSuite';

/** Every suite `npm run bench` runs, in order. Add new ones here; each adds its own JSON keys. */
export const suites: AnySuite[] = [
  openSuite,
  lookupSuite,
  saleSuite,
  tillSuite,
  reportSuite,
  (await import('./syncSuite')).syncSuite,
  (await import('./hoDashboardSuite')).hoDashboardSuite,
  (await import('./importSuite')).importSuite,
];
