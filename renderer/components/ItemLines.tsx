import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, parseMoneyInput } from '../../shared/domain/money';
import { focusScan } from '../lib/focus';
import { parseQuantity, type LineDraft } from '../lib/saleDraft';
import { categoryName, useCategories } from '../state/categories';
import { useSale } from '../state/sale';
import { goodsBySku, useGoods, useGoodsStore } from '../state/goods';
import { goodsLine } from '../state/goodsLines';
import { currencyOf, useStatus } from '../state/status';

export const FIRST_SKU_ID = 'line-sku-0';

export const CATEGORY_LIST_ID = 'shop-categories';

export const GOODS_LIST_ID = 'shop-goods';

interface RowProps {
  line: LineDraft;
  index: number;
  currency: string;
  locale: string;
  defaultCategory: string;
}

function LineRow({ line, index, currency, locale, defaultCategory }: RowProps) {
  const { t } = useTranslation();
  const update = useSale((s) => s.updateLine);
  const remove = useSale((s) => s.removeLine);
  const addLine = useSale((s) => s.addLine);
  const quantity = parseQuantity(line.quantity);
  const unit = parseMoneyInput(line.unitPrice, currency);
  const total = quantity !== null && unit !== null ? formatMoney(quantity * unit, currency, locale) : '—';
  // Enter on the price adds the next line; Enter on an empty new line returns to the scan field.
  const onPriceKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addLine();
    queueMicrotask(() => document.getElementById(`line-sku-${index + 1}`)?.focus());
  };
  const onSkuKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && line.sku.trim() === '') {
      e.preventDefault();
      focusScan();
    }
  };
  const n = index + 1;
  return (
    <tr>
      <td>
        <input
          id={`line-sku-${index}`}
          aria-label={`${t('sale.sku')} ${n}`}
          value={line.sku}
          maxLength={40}
          onKeyDown={onSkuKey}
          list={GOODS_LIST_ID}
          onChange={(e) => {
            // A SKU the shop's goods know (typed, or picked from the short list) fills its line.
            const item = goodsBySku(useGoodsStore.getState().items, e.target.value);
            update(line.key, item ? goodsLine(item, currency) : { sku: e.target.value });
          }}
        />
      </td>
      <td>
        <input
          aria-label={`${t('sale.name')} ${n}`}
          value={line.name}
          maxLength={80}
          onChange={(e) => update(line.key, { name: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`${t('sale.category')} ${n}`}
          list={CATEGORY_LIST_ID}
          value={line.category}
          maxLength={40}
          placeholder={defaultCategory}
          onChange={(e) => update(line.key, { category: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`${t('sale.quantity')} ${n}`}
          className="num"
          inputMode="numeric"
          value={line.quantity}
          maxLength={4}
          onChange={(e) => update(line.key, { quantity: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`${t('sale.unitPrice')} ${n}`}
          className="num"
          inputMode="decimal"
          value={line.unitPrice}
          maxLength={14}
          onKeyDown={onPriceKey}
          onChange={(e) => update(line.key, { unitPrice: e.target.value })}
        />
      </td>
      <td className="num">{total}</td>
      <td>
        <button
          type="button"
          className="button--quiet button--icon"
          aria-label={t('sale.removeLine', { n })}
          onClick={() => remove(line.key)}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

export function ItemLines({ invalidLine }: { invalidLine: number | null }) {
  const { t, i18n } = useTranslation();
  const lines = useSale((s) => s.lines);
  const addLine = useSale((s) => s.addLine);
  const currency = currencyOf(useStatus((s) => s.status));
  const categories = useCategories();
  // The cashier picks (or types) a name in the screen's language; the core resolves it without case.
  const goods = useGoods();
  const defaultCategory =
    categories.defaultCode === null ? '' : categoryName(categories, categories.defaultCode, i18n.language);
  return (
    <div className="items">
      <datalist id={CATEGORY_LIST_ID}>
        {categories.categories.map((c) => (
          <option key={c.code} value={categoryName(categories, c.code, i18n.language)} />
        ))}
      </datalist>
      <datalist id={GOODS_LIST_ID}>
        {goods.map((g) => (
          <option key={g.id} value={g.sku} label={g.name} />
        ))}
      </datalist>
      <table className="items__table">
        <colgroup>
          <col className="items__col-sku" />
          <col className="items__col-name" />
          <col className="items__col-category" />
          <col className="items__col-qty" />
          <col className="items__col-price" />
          <col className="items__col-total" />
          <col className="items__col-remove" />
        </colgroup>
        <thead>
          <tr>
            <th>{t('sale.sku')}</th>
            <th>{t('sale.name')}</th>
            <th>{t('sale.category')}</th>
            <th className="num">{t('sale.quantity')}</th>
            <th className="num">{t('sale.unitPrice')}</th>
            <th className="num">{t('sale.lineTotal')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <LineRow
              key={line.key}
              line={line}
              index={i}
              currency={currency}
              locale={i18n.language}
              defaultCategory={defaultCategory}
            />
          ))}
        </tbody>
      </table>
      {invalidLine !== null && (
        <p className="field-error" role="alert">
          {t('sale.lineInvalid', { n: invalidLine })}
        </p>
      )}
      <button
        type="button"
        className="button--quiet"
        onClick={() => {
          addLine();
          queueMicrotask(() => document.getElementById(`line-sku-${lines.length}`)?.focus());
        }}
      >
        + {t('sale.addLine')}
      </button>
    </div>
  );
}
