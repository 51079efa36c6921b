import { useCallback, useEffect, useState } from 'react';
import type { MemberDetailAnswer } from '../../../shared/admin/members';
import { roleMayCall } from '../../../shared/admin/roles';
import { formatCardNumber } from '../../../shared/domain/cardNumber';
import { sessionClient, type Session } from '../api';
import { amount, count, dateTime } from '../format';
import type { Lang } from '../text';
import { MemberActions } from './MemberActions';
import { MemberHistory } from './MemberHistory';
import { memberText, type MemberTextKey } from './memberText';
import { failureText, refusalText } from './refusal';

const LEDGER_PAGE = 20;
/** Each fact's name beside its value. */
const FACTS_GRID = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1.5rem' } as const;

/** One member: who they are (phone masked until revealed), their cards, tier history, ledger, sales, redemptions. */
export function MemberDetail({ lang, session, memberId }: { lang: Lang; session: Session; memberId: string }) {
  const t = useCallback(
    (key: MemberTextKey, params?: Record<string, string | number>) => memberText(lang, key, params),
    [lang],
  );
  const [detail, setDetail] = useState<MemberDetailAnswer | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const [ledgerPage, setLedgerPage] = useState(1);
  const [phone, setPhone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const may = (route: Parameters<typeof roleMayCall>[0]) => roleMayCall(route, session.me.role);
  const mayTier = may('memberTier');

  const load = useCallback(async () => {
    try {
      const admin = sessionClient(null);
      const answer = await admin.send('memberDetail', {
        params: { id: memberId },
        query: { ledgerPage, ledgerPageSize: LEDGER_PAGE },
      });
      if (!answer.ok) {
        setProblem(refusalText(lang, answer));
        return;
      }
      setDetail(answer.value);
      if (mayTier) {
        const held = await admin.send('memberTier', { params: { id: memberId } });
        setTier(held.ok ? held.value.tierCode : null);
      }
    } catch (error) {
      setProblem(failureText(lang, error));
    }
  }, [memberId, ledgerPage, lang, mayTier]);
  useEffect(() => void load(), [load]);

  const reveal = async () => {
    const answer = await sessionClient(null).send('revealMemberPhone', { params: { id: memberId } });
    if (answer.ok) setPhone(answer.value.phone);
    else setProblem(refusalText(lang, answer));
  };

  if (!detail)
    return problem ? (
      <p className="office__error" role="alert">
        {problem}
      </p>
    ) : (
      <p className="muted">{t('loading')}</p>
    );
  const { member } = detail;
  const ledgerPages = Math.max(1, Math.ceil(detail.ledger.total / detail.ledger.pageSize));
  return (
    <div className="members__detail" data-testid="member-detail">
      <h3>{member.erased ? t('erased') : member.name}</h3>
      {problem && (
        <p className="office__error" role="alert">
          {problem}
        </p>
      )}
      <dl className="members__facts" style={FACTS_GRID}>
        <dt>{t('card')}</dt>
        <dd>{formatCardNumber(member.cardNumber)}</dd>
        <dt>{t('phone')}</dt>
        <dd data-testid="member-phone">
          {phone ?? member.phoneMasked}{' '}
          {phone === null && !member.erased && may('revealMemberPhone') && (
            <button type="button" title={t('revealNote')} onClick={() => void reveal()}>
              {t('reveal')}
            </button>
          )}
        </dd>
        <dt>{t('birthday')}</dt>
        <dd>{member.birthday ?? ''}</dd>
        <dt>{t('homeShop')}</dt>
        <dd>{member.homeShopId ?? ''}</dd>
        <dt>{t('since')}</dt>
        <dd>{dateTime(member.createdAt, lang, '')}</dd>
        {mayTier && (
          <>
            <dt>{t('tier')}</dt>
            <dd data-testid="member-tier">{tier ?? t('tierNone')}</dd>
          </>
        )}
        <dt>{t('balance')}</dt>
        <dd data-testid="member-balance">{count(member.balance, lang)}</dd>
      </dl>

      <h4>{t('cards')}</h4>
      <table data-testid="member-cards">
        <thead>
          <tr>
            <th>{t('card')}</th>
            <th>{t('status')}</th>
            <th>{t('at')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.cards.map((c) => (
            <tr key={c.number}>
              <td>{formatCardNumber(c.number)}</td>
              <td>{t(`status_${c.status}`)}</td>
              <td>{dateTime(c.at, lang, '')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <MemberHistory lang={lang} detail={detail} />

      <h4>{t('ledger')}</h4>
      <p className="muted">{t('ledgerPage', { total: count(detail.ledger.total, lang), page: detail.ledger.page })}</p>
      <table data-testid="member-ledger">
        <thead>
          <tr>
            <th>{t('at')}</th>
            <th>{t('kind')}</th>
            <th className="num">{t('points')}</th>
            <th>{t('shop')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.ledger.rows.map((r) => (
            <tr key={r.id}>
              <td>{dateTime(r.createdAt, lang, '')}</td>
              <td>{t(`kind_${r.kind}`)}</td>
              <td className="num">{r.delta > 0 ? `+${count(r.delta, lang)}` : count(r.delta, lang)}</td>
              <td>{r.shopId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ledgerPages > 1 && (
        <p>
          <button type="button" disabled={ledgerPage <= 1} onClick={() => setLedgerPage(ledgerPage - 1)}>
            {t('prev')}
          </button>{' '}
          <button type="button" disabled={ledgerPage >= ledgerPages} onClick={() => setLedgerPage(ledgerPage + 1)}>
            {t('next')}
          </button>
        </p>
      )}

      <h4>{t('sales')}</h4>
      {detail.sales.length === 0 ? (
        <p className="muted">{t('noSales')}</p>
      ) : (
        <table data-testid="member-sales">
          <thead>
            <tr>
              <th>{t('day')}</th>
              <th>{t('shop')}</th>
              <th className="num">{t('total')}</th>
              <th className="num">{t('earned')}</th>
              <th className="num">{t('spent')}</th>
              <th>{t('lines')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.sales.map((s) => (
              <tr key={s.id}>
                <td>{s.businessDay}</td>
                <td>{s.shopId}</td>
                <td className="num">{amount(s.totalMinor, s.currency, lang)}</td>
                <td className="num">{count(s.pointsEarned, lang)}</td>
                <td className="num">{count(s.pointsSpent, lang)}</td>
                <td>
                  {s.lines
                    .map((l) => `${l.name} ×${l.quantity} ${amount(l.lineTotalMinor, s.currency, lang)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>{t('redemptions')}</h4>
      {detail.redemptions.length === 0 ? (
        <p className="muted">{t('noRedemptions')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('at')}</th>
              <th>{t('shop')}</th>
              <th>{t('reward')}</th>
              <th className="num">{t('quantity')}</th>
              <th className="num">{t('points')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.redemptions.map((r) => (
              <tr key={r.id}>
                <td>{dateTime(r.createdAt, lang, '')}</td>
                <td>{r.shopId}</td>
                <td>{r.rewardId}</td>
                <td className="num">{count(r.quantity, lang)}</td>
                <td className="num">{count(r.points, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!member.erased && <MemberActions lang={lang} session={session} detail={detail} reload={load} />}
    </div>
  );
}
