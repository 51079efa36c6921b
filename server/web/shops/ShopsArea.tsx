import type { Overview } from '../api';
import { TillStaffSection } from '../TillStaffSection';
import { roleMayCall } from '../../../shared/admin/roles';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import type { AreaProps } from '../shell/areaProps';
import { EnrolmentCodeForm } from './EnrolmentCodeForm';
import { ShopBlock } from './ShopBlock';
import { groupByShop } from './shopGroups';
import { shopsText } from './shopsText';
import { useShopsData } from './useShopsData';
import './shops.css';

/**
 * Shops and terminals: per shop its terminals, the records head office could not apply, the
 * duplicates and the day closes, each with what to do; enrolment codes made here; the till staff.
 * Head office shows a shop manager only their own shops; buttons follow shared/admin/roles.ts.
 */
export function ShopsArea({ lang, session, overview }: AreaProps & { overview: Overview }) {
  const { data, reload } = useShopsData(session, overview);
  const groups = groupByShop(data);
  return (
    <>
      <section aria-labelledby="shops-h" data-testid="shops">
        <h2 id="shops-h">{shopsText(lang, 'shopsTitle')}</h2>
        <p className="muted">{shopsText(lang, 'shopsHint')}</p>
        <p className="muted">{shopsText(lang, 'protocolHint', { version: PROTOCOL_VERSION })}</p>
        {groups.length === 0 && <p className="muted">{shopsText(lang, 'noShops')}</p>}
        {groups.map((shop) => (
          <ShopBlock key={shop.shopId} lang={lang} session={session} shop={shop} reload={reload} />
        ))}
      </section>
      {roleMayCall('createEnrolmentCode', session.me.role) && (
        <EnrolmentCodeForm lang={lang} session={session} reload={reload} />
      )}
      <TillStaffSection lang={lang} session={session} />
    </>
  );
}
