import { useCallback, useEffect, useState } from 'react';
import type { AdminClient } from '../../../shared/admin/client';
import type { ProgrammeAnswer } from '../../../shared/admin/programme';
import { RewardShopStockInput, type RewardShopStockAnswer, type ShopStockRow } from '../../../shared/admin/rewardStock';
import type { Lang } from '../text';
import { checkWith } from './fieldIssues';
import { wholeNumber } from './formInput';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { Field } from './publishFlow';
import { refusalOf } from './refusal';

// A reward's stock at each shop (issue 16): the count set (empty: unlimited), what the shop's tills
// redeemed since, what is left, and what went past it (late offline redemptions, accepted and shown
// here). A shop without a count of its own uses the reward's stock in the table above.

type Props = {
  lang: Lang;
  admin: AdminClient;
  rewards: ProgrammeAnswer['rewards'];
  mayWrite: boolean;
};

export function RewardShopStockPanel({ lang, admin, rewards, mayWrite }: Props) {
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const [rewardId, setRewardId] = useState<string>(rewards[0]?.id ?? '');
  const [answer, setAnswer] = useState<RewardShopStockAnswer | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [hidden, setHidden] = useState(false);
  const load = useCallback(async () => {
    if (rewardId === '') return;
    const read = await admin.send('rewardShopStock', { params: { id: rewardId } });
    if (read.ok) setAnswer(read.value);
    else if (read.status === 403) setHidden(true);
  }, [admin, rewardId]);
  useEffect(() => void load(), [load]);
  if (hidden || rewards.length === 0) return null;

  const save = async (shopId: string, typed: string) => {
    const stock = typed.trim() === '' ? null : wholeNumber(typed);
    // The route's own schema first: a mistyped count (NaN) must not reach it as null, which means unlimited.
    const checked = checkWith(RewardShopStockInput, { shopId, stock }, lang);
    if (!checked.ok) {
      setNote({ kind: 'error', text: checked.issues.stock ?? Object.values(checked.issues).join('; ') });
      return;
    }
    try {
      setAnswer(await admin.call('setRewardShopStock', { params: { id: rewardId }, body: checked.value }));
      setNote({ kind: 'ok', text: t('saved') });
    } catch (error) {
      const refusal = refusalOf(error, lang);
      setNote({ kind: 'error', text: refusal.issues.stock ?? refusal.note });
    }
  };
  return (
    <section data-testid="shop-stock" aria-labelledby="shop-stock-h">
      <h3 id="shop-stock-h">{t('shopStockHeading')}</h3>
      <p className="muted">{t('shopStockHint')}</p>
      <label className="programme__field">
        <span>{t('shopStockReward')}</span>
        <select value={rewardId} onChange={(e) => setRewardId(e.target.value)}>
          {rewards.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} · {r.name}
            </option>
          ))}
        </select>
      </label>
      {answer && answer.rewardId === rewardId && (
        <table>
          <thead>
            <tr>
              <th>{t('shopStockShop')}</th>
              <th>{t('stock')}</th>
              <th>{t('shopStockRedeemed')}</th>
              <th>{t('shopStockLeft')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {answer.shops.map((shop) => (
              <ShopStockLine
                key={`${shop.shopId}-${shop.setAt ?? 0}`}
                lang={lang}
                shop={shop}
                mayWrite={mayWrite}
                onSave={(typed) => save(shop.shopId, typed)}
              />
            ))}
          </tbody>
        </table>
      )}
      {note && (
        <p
          className={note.kind === 'error' ? 'office__error' : 'muted'}
          role={note.kind === 'error' ? 'alert' : 'status'}
        >
          {note.text}
        </p>
      )}
    </section>
  );
}

function ShopStockLine(props: { lang: Lang; shop: ShopStockRow; mayWrite: boolean; onSave: (typed: string) => void }) {
  const { shop, mayWrite } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(props.lang, key, params);
  const [typed, setTyped] = useState(shop.set && shop.stock !== null ? String(shop.stock) : '');
  const left = shop.left === null ? t('shopStockUnlimited') : String(shop.left);
  return (
    <tr data-shop={shop.shopId}>
      <td>{shop.shopName}</td>
      <td>
        <Field label="" issue={undefined}>
          <input
            aria-label={t('shopStockOf', { shop: shop.shopName })}
            value={typed}
            size={6}
            inputMode="numeric"
            placeholder={shop.set ? t('shopStockUnlimited') : t('shopStockChain')}
            disabled={!mayWrite}
            onChange={(e) => setTyped(e.target.value)}
          />
        </Field>
      </td>
      <td>{shop.set ? shop.redeemed : '—'}</td>
      <td data-testid="shop-stock-left">
        {left}
        {shop.oversold > 0 && (
          <span className="warn" role="note">
            {' '}
            {t('shopStockOversold', { count: shop.oversold })}
          </span>
        )}
      </td>
      <td>
        {mayWrite && (
          <button type="button" onClick={() => props.onSave(typed)}>
            {t('save')}
          </button>
        )}
      </td>
    </tr>
  );
}
