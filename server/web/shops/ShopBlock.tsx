import { useState } from 'react';
import type { TerminalRow } from '../../../shared/admin/answers';
import type { Session } from '../api';
import { sessionClient } from '../api';
import { NoteLine } from '../officeAction';
import { DayClosesTable } from '../tables';
import type { Lang } from '../text';
import { DuplicatesOfShop } from './DuplicatesOfShop';
import { QuarantineOfShop } from './QuarantineOfShop';
import { RevokePanel } from './RevokePanel';
import type { ShopGroup } from './shopGroups';
import { shopsText, type ShopsTextKey } from './shopsText';
import { TerminalsOfShop } from './TerminalsOfShop';
import { useShopsAction } from './useShopsAction';
import { roleMayCall } from '../../../shared/admin/roles';

/** One shop: its terminals, the records head office could not apply, its duplicates and its day closes. */
export function ShopBlock(props: { lang: Lang; session: Session; shop: ShopGroup; reload: () => Promise<void> }) {
  const { lang, session, shop, reload } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  const { note, run } = useShopsAction(lang, reload);
  const [revoking, setRevoking] = useState<TerminalRow | null>(null);
  const may = (route: Parameters<typeof roleMayCall>[0]) => roleMayCall(route, session.me.role);
  const headingId = `shop-${shop.shopId}-h`;
  const revoke = async (terminal: TerminalRow) => {
    setRevoking(null);
    await run(
      () => sessionClient(session.csrfToken).call('revokeTerminal', { params: { id: terminal.id } }),
      () => t('revokedNote', { code: terminal.terminalCode }),
    );
  };
  const differs = shop.closes.some((c) => !c.matches);
  return (
    <section className="shops__shop" aria-labelledby={headingId} data-shop={shop.shopId}>
      <h3 id={headingId}>
        <bdi>{t('shopHeading', { name: shop.shopName, id: shop.shopId })}</bdi>
      </h3>
      <NoteLine note={note} />
      <h4>{t('terminalsOfShop')}</h4>
      <TerminalsOfShop lang={lang} session={session} rows={shop.terminals} run={run} onRevoke={setRevoking} />
      {revoking && (
        <RevokePanel
          key={revoking.id}
          lang={lang}
          terminal={revoking}
          onCancel={() => setRevoking(null)}
          onRevoke={() => void revoke(revoking)}
        />
      )}
      {may('quarantine') && (
        <>
          <h4>{t('quarantineTitle')}</h4>
          {shop.quarantine.length > 0 && <p className="muted">{t('quarantineHint')}</p>}
          <QuarantineOfShop
            lang={lang}
            session={session}
            rows={shop.quarantine}
            terminals={shop.terminals}
            run={run}
            onRevoke={setRevoking}
          />
        </>
      )}
      {may('cardConflicts') && (
        <>
          <h4>{t('duplicatesTitle')}</h4>
          {shop.conflicts.length > 0 && <p className="muted">{t('duplicatesHint')}</p>}
          <DuplicatesOfShop lang={lang} session={session} rows={shop.conflicts} run={run} />
        </>
      )}
      {may('dayCloses') && (
        <>
          <h4>{t('closesTitle')}</h4>
          {differs && <p className="warn">{t('todo_close_differs')}</p>}
          <DayClosesTable lang={lang} rows={shop.closes} terminals={shop.terminals} />
        </>
      )}
    </section>
  );
}
