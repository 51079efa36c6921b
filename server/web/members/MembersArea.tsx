import { useCallback, useState, type FormEvent } from 'react';
import { FindMembersQuery, type FindMembersAnswer, type MemberSearchBy } from '../../../shared/admin/members';
import { formatCardNumber } from '../../../shared/domain/cardNumber';
import { sessionClient, type Session } from '../api';
import { count, dateTime } from '../format';
import type { Lang } from '../text';
import { MemberDetail } from './MemberDetail';
import { memberText, type MemberTextKey } from './memberText';
import { failureText, fieldProblems, refusalText } from './refusal';

const SEARCH_BY: readonly MemberSearchBy[] = ['any', 'card', 'phone', 'name'];
const PAGE_SIZE = 20;

/**
 * The console's Members area: find a member by card, phone or the start of a name (checked by the
 * route's own schema before anything is sent), then their detail with its sections and actions.
 */
export function MembersArea({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback(
    (key: MemberTextKey, params?: Record<string, string | number>) => memberText(lang, key, params),
    [lang],
  );
  const [by, setBy] = useState<MemberSearchBy>('any');
  const [q, setQ] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [hits, setHits] = useState<FindMembersAnswer | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const find = async (page: number) => {
    const parsed = FindMembersQuery.safeParse({ by, q, page, pageSize: PAGE_SIZE });
    if (!parsed.success) {
      setProblem(fieldProblems(parsed.error, lang).q ?? t('invalid'));
      return;
    }
    setProblem(null);
    try {
      const answer = await sessionClient(null).send('findMembers', { query: parsed.data });
      if (answer.ok) setHits(answer.value);
      else setProblem(refusalText(lang, answer));
    } catch (error) {
      setProblem(failureText(lang, error));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPicked(null);
    void find(1);
  };

  if (picked !== null)
    return (
      <section aria-labelledby="members-h" data-testid="members-area">
        <h2 id="members-h">{t('title')}</h2>
        <p>
          <button type="button" onClick={() => setPicked(null)}>
            {t('back')}
          </button>
        </p>
        <MemberDetail lang={lang} session={session} memberId={picked} />
      </section>
    );

  const pages = hits ? Math.max(1, Math.ceil(hits.total / hits.pageSize)) : 1;
  return (
    <section aria-labelledby="members-h" data-testid="members-area">
      <h2 id="members-h">{t('title')}</h2>
      <form className="members__search" onSubmit={submit} noValidate>
        <label>
          {t('searchBy')}{' '}
          <select data-testid="member-search-by" value={by} onChange={(e) => setBy(searchBy(e.target.value))}>
            {SEARCH_BY.map((b) => (
              <option key={b} value={b}>
                {t(`by_${b}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <input
          data-testid="member-search"
          aria-label={t('searchBox')}
          placeholder={t('searchBox')}
          value={q}
          aria-invalid={problem !== null}
          onChange={(e) => setQ(e.target.value)}
        />{' '}
        <button type="submit" className="primary">
          {t('search')}
        </button>
        {problem && (
          <span className="office__error" role="alert" data-testid="member-search-problem">
            {' '}
            {problem}
          </span>
        )}
      </form>
      {hits &&
        (hits.members.length === 0 ? (
          <p className="muted">{t('noHits')}</p>
        ) : (
          <>
            <p className="muted">{t('hits', { total: count(hits.total, lang), page: hits.page })}</p>
            <table data-testid="member-hits">
              <thead>
                <tr>
                  <th>{t('name')}</th>
                  <th>{t('card')}</th>
                  <th>{t('phone')}</th>
                  <th>{t('homeShop')}</th>
                  <th>{t('since')}</th>
                  <th className="num">{t('balance')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {hits.members.map((m) => (
                  <tr key={m.memberId}>
                    <td>{m.erased ? <em>{t('erased')}</em> : m.name}</td>
                    <td>{formatCardNumber(m.cardNumber)}</td>
                    <td>{m.phoneMasked}</td>
                    <td>{m.homeShopId ?? ''}</td>
                    <td>{dateTime(m.createdAt, lang, '')}</td>
                    <td className="num">{count(m.balance, lang)}</td>
                    <td>
                      <button type="button" onClick={() => setPicked(m.memberId)}>
                        {t('open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages > 1 && (
              <p>
                <button type="button" disabled={hits.page <= 1} onClick={() => void find(hits.page - 1)}>
                  {t('prev')}
                </button>{' '}
                <button type="button" disabled={hits.page >= pages} onClick={() => void find(hits.page + 1)}>
                  {t('next')}
                </button>
              </p>
            )}
          </>
        ))}
    </section>
  );
}

const searchBy = (value: string): MemberSearchBy => SEARCH_BY.find((b) => b === value) ?? 'any';
