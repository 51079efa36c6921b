import type { Overview } from '../api';
import { CardConflictsSection } from '../CardConflictsSection';
import { SpendNoticesSection } from '../SpendNoticesSection';
import { DayClosesTable, FlagsTable, QuarantineTable, TerminalsTable } from '../tables';
import { text } from '../text';
import { roleMayCall } from '../../../shared/admin/roles';
import type { AreaProps } from './areaProps';

/** Today's sync state: terminals, day closes, flags, quarantine and card conflicts; the spend notices' dead letters. */
export function OverviewArea({ lang, session, overview }: AreaProps & { overview: Overview }) {
  const t = (key: Parameters<typeof text>[1]) => text(lang, key);
  return (
    <>
      <section aria-labelledby="terminals-h">
        <h2 id="terminals-h">{t('terminals')}</h2>
        <TerminalsTable lang={lang} rows={overview.terminals} />
      </section>
      {overview.closes && (
        <section aria-labelledby="closes-h">
          <h2 id="closes-h">{t('closes')}</h2>
          <DayClosesTable lang={lang} rows={overview.closes} terminals={overview.terminals} />
        </section>
      )}
      {overview.flags && (
        <section aria-labelledby="flags-h">
          <h2 id="flags-h">{t('flags')}</h2>
          <p className="muted">{t('flagsHint')}</p>
          <FlagsTable lang={lang} rows={overview.flags} terminals={overview.terminals} />
        </section>
      )}
      {overview.quarantine && (
        <section aria-labelledby="quarantine-h">
          <h2 id="quarantine-h">{t('quarantine')}</h2>
          <QuarantineTable lang={lang} rows={overview.quarantine} terminals={overview.terminals} />
        </section>
      )}
      {overview.quarantine && <CardConflictsSection lang={lang} terminals={overview.terminals} at={overview.at} />}
      {roleMayCall('deadSpendNotices', session.me.role) && <SpendNoticesSection lang={lang} session={session} />}
    </>
  );
}
