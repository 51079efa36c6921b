import { useTranslation } from 'react-i18next';
import { formatMoney, MAX_SALE_MINOR } from '../../shared/domain/money';
import { describeError } from '../lib/errorText';
import { explainFormula, explainLines } from '../lib/explanation';
import { integer } from '../lib/format';
import { isolate } from '../lib/isolate';
import { focusScan } from '../lib/focus';
import { canConfirm, confirmSale, currentSale } from '../state/actions';
import { useMember } from '../state/member';
import { bodyKey, useSale } from '../state/sale';
import { currencyOf, useStatus } from '../state/status';
import { AmountPad, AMOUNT_INPUT_ID } from './AmountPad';
import { FIRST_SKU_ID, ItemLines } from './ItemLines';
import { LargeSaleDialog } from './LargeSaleDialog';
import { PointsSpend } from './PointsSpend';
import { useSalePreview } from './useSalePreview';

export function SalePanel() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // Subscribe to everything the sale is made of; currentSale() then reads it consistently.
  const mode = useSale((s) => s.mode);
  useSale((s) => s.amountText);
  useSale((s) => s.lines);
  useSale((s) => s.pointsText);
  const quote = useSale((s) => s.quote);
  const quoteKey = useSale((s) => s.quoteKey);
  const previewError = useSale((s) => s.previewError);
  useSale((s) => s.knownLimits);
  const largeSale = useSale((s) => s.largeSale);
  const pending = useSale((s) => s.pending);
  const setMode = useSale((s) => s.setMode);
  const member = useMember((s) => s.member);
  const currency = currencyOf(useStatus((s) => s.status));

  const { draft, pointsEntry, body } = currentSale();
  useSalePreview(body);
  const key = body ? bodyKey(body) : null;
  const current = quote && key !== null && quoteKey === key ? quote : null;
  // Points the rule refuses are said once, by the points field; the preview waits for a good figure.
  const pointsWrong = member !== null && pointsEntry !== null && pointsEntry.kind !== 'ok';
  const refused = previewError && key !== null && quoteKey === key && !pointsWrong ? previewError : null;
  const ready = canConfirm();
  const subtotal = draft.kind === 'ok' ? draft.subtotalMinor : 0;

  const switchMode = (next: 'amount' | 'items') => {
    setMode(next);
    queueMicrotask(() => document.getElementById(next === 'amount' ? AMOUNT_INPUT_ID : FIRST_SKU_ID)?.focus());
  };

  return (
    <section className="panel sale" aria-label={t('sale.title')}>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'amount'} onClick={() => switchMode('amount')}>
          <kbd>F4</kbd> {t('sale.modeAmount')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'items'} onClick={() => switchMode('items')}>
          <kbd>F6</kbd> {t('sale.modeItems')}
        </button>
      </div>
      <div className="sale__body">
        <div className="sale__entry">
          {mode === 'amount' ? (
            <AmountPad invalid={draft.kind === 'invalidAmount' || draft.kind === 'tooLarge'} />
          ) : (
            <ItemLines invalidLine={draft.kind === 'invalidLine' ? draft.lineNo : null} />
          )}
          {mode === 'items' && draft.kind === 'tooLarge' && (
            <p className="field-error" role="alert">
              {t('sale.amountInvalid', {
                min: formatMoney(1, currency, locale),
                max: formatMoney(MAX_SALE_MINOR, currency, locale),
              })}
            </p>
          )}
        </div>
        <div className="sale__summary">
          <dl className="totals">
            <div>
              <dt>{t('sale.subtotal')}</dt>
              <dd data-testid="subtotal">{formatMoney(current?.subtotalMinor ?? subtotal, currency, locale)}</dd>
            </div>
            {current && current.discountMinor > 0 && (
              <div className="totals__discount">
                <dt>
                  {t('sale.discount')} ({integer(current.pointsSpent, locale)})
                </dt>
                <dd>−{formatMoney(current.discountMinor, currency, locale)}</dd>
              </div>
            )}
            <div className="totals__total">
              <dt>{t('sale.total')}</dt>
              <dd data-testid="total">{formatMoney(current?.totalMinor ?? subtotal, currency, locale)}</dd>
            </div>
          </dl>
          <PointsSpend hasMember={member !== null} entry={pointsEntry} />
          <div className={refused ? 'earn earn--refused' : 'earn'} aria-live="polite">
            {draft.kind !== 'ok' && <p className="muted">{t('sale.enterAmount')}</p>}
            {draft.kind === 'ok' && pointsWrong && (
              <p className="muted" data-testid="points-fix-first">
                {t('saleLimit.pointsFixFirst')}
              </p>
            )}
            {body !== null && !pointsWrong && !current && !refused && <p className="muted">{t('sale.previewing')}</p>}
            {refused && (
              <p className="field-error" role="alert">
                {describeError(refused, t).headline}
              </p>
            )}
            {current && !pointsWrong && (
              <>
                <div className="earn__head">
                  <span>{member ? t('sale.earn') : t('sale.earnAnonymous')}</span>
                  {member && (
                    <span className="earn__points" data-testid="earn-points">
                      +{integer(current.pointsEarned, locale)}
                    </span>
                  )}
                </div>
                {member && current.balanceAfter !== null && (
                  <p className="earn__after">
                    {t('sale.balanceAfter')}: <strong>{integer(current.balanceAfter, locale)}</strong>
                  </p>
                )}
                <details className="explain" open>
                  <summary>{t('explain.title')}</summary>
                  <ul data-testid="explanation">
                    {explainLines(current, currency, locale, t).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                    {current.campaignBonuses.map((b) => (
                      <li key={b.campaignId} data-testid="campaign-bonus">
                        {t('explain.campaign', { name: isolate(b.name), points: integer(b.points, locale) })}
                      </li>
                    ))}
                  </ul>
                  <p className="explain__formula mono" data-testid="explain-formula">
                    {explainFormula(current, currency, locale, t)}
                  </p>
                </details>
              </>
            )}
          </div>
          <button
            type="button"
            className="confirm"
            disabled={!ready || pending}
            aria-keyshortcuts="Enter F12"
            onClick={() => void confirmSale().then(focusScan)}
          >
            <span>{pending ? t('sale.confirming') : t('sale.confirm')}</span>
            <span className="confirm__amount">{formatMoney(current?.totalMinor ?? subtotal, currency, locale)}</span>
            <kbd>{t('sale.confirmHint')}</kbd>
          </button>
        </div>
      </div>
      {largeSale && <LargeSaleDialog sale={largeSale} />}
    </section>
  );
}
