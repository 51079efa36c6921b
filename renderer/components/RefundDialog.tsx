import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { RefundReceipt, SaleForRefundView } from '../../shared/contract';
import { isRefundProblem, planRefund, refundableSaleOf, type RefundPlan } from '../../shared/domain/refund';
import { formatMoney } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { integer } from '../lib/format';
import { isolate } from '../lib/isolate';
import { useMember } from '../state/member';
import { refreshStatus } from '../state/status';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Keyed = { lineNo: string; quantity: string };

const whole = (text: string): number => (/^\d{1,4}$/.test(text) ? Number(text) : 0);

/** What the refund would move, by the till's own arithmetic (shared/domain/refund.ts); null when none is chosen. */
function preview(view: SaleForRefundView, quantities: Record<number, string>): RefundPlan | null {
  const lines = view.lines
    .map((l) => ({ lineNo: l.lineNo, quantity: whole(quantities[l.lineNo] ?? '') }))
    .filter((l) => l.quantity > 0);
  if (lines.length === 0) return null;
  const before = new Map(view.lines.map((l) => [l.lineNo, l.refundedQuantity]));
  const plan = planRefund(refundableSaleOf(view), before, lines);
  return isRefundProblem(plan) ? null : plan;
}

/** Refund lines of a sale (from the member's history, or by the sale number on the receipt). */
export function RefundDialog() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { refundSaleId, closeDialog } = useUi();
  const member = useMember((s) => s.member);
  const reloadMember = useMember((s) => s.reload);
  const [saleId, setSaleId] = useState(refundSaleId ?? '');
  const [view, setView] = useState<SaleForRefundView | null>(null);
  const [offline, setOffline] = useState(false);
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [keyed, setKeyed] = useState<Keyed[]>([{ lineNo: '1', quantity: '1' }]);
  const [receipt, setReceipt] = useState<RefundReceipt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const showFound = (result: Awaited<ReturnType<typeof api.getSaleForRefund>>) => {
    setError(null);
    setOffline(!result.ok && result.error.code === 'HEADOFFICE_UNREACHABLE');
    if (result.ok) setView(result.value);
    else if (result.error.code !== 'HEADOFFICE_UNREACHABLE') setError(result.error);
  };
  const find = async (id: string) => showFound(await api.getSaleForRefund({ saleId: id }));
  // Opened from the history: the sale is looked up at once.
  useEffect(() => {
    if (!refundSaleId) return;
    let live = true;
    const load = async () => {
      const result = await api.getSaleForRefund({ saleId: refundSaleId });
      if (live) showFound(result);
    };
    void load();
    return () => {
      live = false;
    };
    // showFound only sets this dialog's state.
  }, [refundSaleId]);

  const money = (minor: number) => formatMoney(minor, view?.currency ?? receipt?.currency ?? 'CNY', locale);
  const plan = view ? preview(view, quantities) : null;
  const keyedLines = keyed
    .map((k) => ({ lineNo: whole(k.lineNo), quantity: whole(k.quantity) }))
    .filter((k) => k.lineNo > 0 && k.quantity > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!view && !offline) {
      if (UUID_RE.test(saleId.trim())) await find(saleId.trim());
      return;
    }
    const lines = plan ? plan.lines.map(({ lineNo, quantity }) => ({ lineNo, quantity })) : offline ? keyedLines : [];
    if (lines.length === 0) return;
    setBusy(true);
    const result = await api.refundSale({
      requestId: crypto.randomUUID(),
      saleId: view?.saleId ?? saleId.trim(),
      lines,
      memberId: view ? null : (member?.id ?? null),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setReceipt(result.value);
    void reloadMember();
    void refreshStatus();
  };

  if (receipt) {
    return (
      <Dialog title={t('refund.receipt')}>
        <div className="receipt" data-testid="refund-receipt">
          {receipt.settlement === 'headOffice' ? (
            <p>{t('refund.pending')}</p>
          ) : (
            <p>
              {t('refund.done', {
                amount: money(receipt.amountMinor ?? 0),
                reversed: integer(receipt.pointsReversed ?? 0, locale),
                returned: integer(receipt.pointsReturned ?? 0, locale),
              })}
            </p>
          )}
          <ul>
            {receipt.lines.map((l) => (
              <li key={l.lineNo}>
                <bdi>{l.name || `#${l.lineNo}`}</bdi> × {l.quantity}
                {l.amountMinor === null ? '' : ` · ${money(l.amountMinor)}`}
              </li>
            ))}
          </ul>
          {receipt.balanceAfter !== null && (
            <p>{t('refund.balance', { balance: integer(receipt.balanceAfter, locale) })}</p>
          )}
          {receipt.belowZero && <p className="warn">{t('refund.belowZero')}</p>}
        </div>
        <div className="actions">
          <button type="button" className="primary" data-autofocus onClick={closeDialog}>
            {t('refund.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('refund.title')} wide>
      <form onSubmit={(e) => void submit(e)}>
        {!view && (
          <label className="field">
            {t('refund.saleId')}
            <input value={saleId} onChange={(e) => setSaleId(e.target.value)} spellCheck={false} />
          </label>
        )}
        {view?.source === 'headOffice' && <p className="muted">{t('refund.otherShop')}</p>}
        {view && view.fullyRefunded && <p className="muted">{t('refund.none')}</p>}
        {view && !view.fullyRefunded && (
          <table className="grid" data-testid="refund-lines">
            <thead>
              <tr>
                <th>{t('refund.line')}</th>
                <th className="num">{t('refund.sold')}</th>
                <th className="num">{t('refund.left')}</th>
                <th className="num">{t('refund.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((l, i) => {
                const left = l.quantity - l.refundedQuantity;
                return (
                  <tr key={l.lineNo}>
                    <td>
                      <bdi>{l.name || l.sku}</bdi> · {money(l.unitPriceMinor)}
                    </td>
                    <td className="num">{l.quantity}</td>
                    <td className="num">{left}</td>
                    <td className="num">
                      <input
                        className="num"
                        inputMode="numeric"
                        aria-label={`${t('refund.quantity')} ${isolate(l.name || l.sku)}`}
                        // The lines arrive after the dialog took the focus: the first one takes it then.
                        autoFocus={i === 0}
                        disabled={left === 0}
                        maxLength={4}
                        value={quantities[l.lineNo] ?? ''}
                        onChange={(e) => setQuantities({ ...quantities, [l.lineNo]: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!view && offline && (
          <div data-testid="refund-keyed">
            <p>{t('refund.offline')}</p>
            {keyed.map((k, i) => (
              <div className="row" key={i}>
                <input
                  aria-label={t('refund.lineNo')}
                  inputMode="numeric"
                  value={k.lineNo}
                  onChange={(e) => setKeyed(keyed.map((x, j) => (j === i ? { ...x, lineNo: e.target.value } : x)))}
                />
                <input
                  aria-label={t('refund.quantity')}
                  inputMode="numeric"
                  value={k.quantity}
                  onChange={(e) => setKeyed(keyed.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))}
                />
              </div>
            ))}
            <button type="button" onClick={() => setKeyed([...keyed, { lineNo: '', quantity: '1' }])}>
              {t('refund.addLine')}
            </button>
          </div>
        )}
        {plan && (
          <div className="refund-preview" data-testid="refund-preview">
            <p>{t('refund.money', { amount: money(plan.amountMinor) })}</p>
            <p>{t('refund.reversed', { points: integer(plan.pointsReversed, locale) })}</p>
            <p>{t('refund.returned', { points: integer(plan.pointsReturned, locale) })}</p>
          </div>
        )}
        {error && <ErrorNote error={error} />}
        <div className="actions">
          {!view && !offline ? (
            <button type="submit" className="primary">
              {t('refund.find')} <kbd>Enter</kbd>
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy || (!plan && keyedLines.length === 0)}>
              {busy ? t('refund.refunding') : t('refund.confirm')} <kbd>Enter</kbd>
            </button>
          )}
          <button type="button" onClick={closeDialog}>
            {t('refund.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
