import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoodsView } from '../../../shared/contract/goods';
import { formatMoney } from '../../../shared/domain/money';
import { api } from '../../api/tillApi';
import { categoryName, useCategories } from '../../state/categories';
import { useGoodsStore } from '../../state/goods';
import { Choice, NumberField, TextField } from './programmeFields';
import type { SectionProps } from './programmeSections';

/** What the form edits: the fields as typed (a blank barcode is none; the price NaN until it parses). */
interface Draft {
  id: string | null;
  sku: string;
  barcode: string;
  name: string;
  category: string;
  priceMinor: number;
}

const NEW_ITEM: Draft = { id: null, sku: '', barcode: '', name: '', category: '', priceMinor: Number.NaN };

const draftOf = (g: GoodsView): Draft => ({
  id: g.id,
  sku: g.sku,
  barcode: g.barcode ?? '',
  name: g.name,
  category: g.category,
  priceMinor: g.priceMinor,
});

/**
 * The shop's goods: found by name, SKU or barcode, added, edited (name, barcode, category, price)
 * and taken off sale or put back, one item at a time. The core checks every field (one schema);
 * an enrolled shop sees head office's list read-only.
 */
export function GoodsSection({ readOnly, currency, report }: SectionProps) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const [find, setFind] = useState('');
  const [items, setItems] = useState<GoodsView[]>([]);
  const [editing, setEditing] = useState<Draft | null>(null);
  // Bumped after a save: the list is read again.
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    const query = { includeInactive: true, ...(find.trim() === '' ? {} : { find }) };
    void api.listGoods(query).then((result) => {
      if (current && result.ok) setItems(result.value);
    });
    return () => {
      current = false;
    };
  }, [find, reads]);
  const saved = async (result: Awaited<ReturnType<typeof api.addGoods>>) => {
    report(result.ok ? true : result.error);
    if (!result.ok) return;
    setEditing(null);
    setReads((n) => n + 1);
    // Item mode reads the goods it picks from again.
    await useGoodsStore.getState().load();
  };
  const store = async (d: Draft) => {
    const fields = { name: d.name, category: d.category, priceMinor: d.priceMinor };
    const barcode = d.barcode.trim() === '' ? null : d.barcode;
    await saved(
      d.id === null
        ? await api.addGoods({ ...fields, sku: d.sku, barcode })
        : await api.updateGoods({ ...fields, id: d.id, barcode }),
    );
  };
  const categoryOptions = [
    { value: '', label: '—' },
    ...categories.categories.map((c) => ({ value: c.code, label: categoryName(categories, c.code, i18n.language) })),
  ];
  const e = editing;
  // An item's category the shop's list no longer has is still shown (and kept unless changed).
  if (e !== null && !categoryOptions.some((o) => o.value === e.category))
    categoryOptions.push({ value: e.category, label: e.category });
  return (
    <div className="programme__section" data-testid="programme-goods">
      {readOnly && <p className="hint">{t('goods.readOnly')}</p>}
      <TextField label={t('goods.find')} value={find} readOnly={false} onChange={setFind} testId="goods-find" />
      <table className="grid" data-testid="goods-rows">
        <thead>
          <tr>
            <th>{t('goods.sku')}</th>
            <th>{t('goods.barcode')}</th>
            <th>{t('goods.name')}</th>
            <th>{t('goods.category')}</th>
            <th className="num">{t('goods.price')}</th>
            <th>{t('goods.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((g) => (
            <tr key={g.id} data-testid="goods-row" data-sku={g.sku} data-active={g.active}>
              <td>{g.sku}</td>
              <td>{g.barcode ?? t('goods.noBarcode')}</td>
              <td>
                <bdi>{g.name}</bdi>
              </td>
              <td>
                <bdi>{categoryName(categories, g.category, i18n.language)}</bdi>
              </td>
              <td className="num">{formatMoney(g.priceMinor, currency, i18n.language)}</td>
              <td>{g.active ? '✓' : '—'}</td>
              <td className="actions">
                {!readOnly && (
                  <>
                    <button type="button" data-testid="goods-edit" onClick={() => setEditing(draftOf(g))}>
                      {t('goods.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => void api.updateGoods({ id: g.id, active: !g.active }).then(saved)}
                    >
                      {g.active ? t('goods.deactivate') : t('goods.activate')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p className="muted">{t('goods.none')}</p>}
      {!readOnly && e === null && (
        <button type="button" data-testid="goods-new" onClick={() => setEditing(NEW_ITEM)}>
          {t('goods.new')}
        </button>
      )}
      {!readOnly && e !== null && (
        <form
          className="programme__row"
          data-testid="goods-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void store(e);
          }}
        >
          <TextField
            label={t('goods.sku')}
            value={e.sku}
            readOnly={e.id !== null}
            testId="goods-sku"
            onChange={(sku) => setEditing({ ...e, sku })}
          />
          <TextField
            label={t('goods.barcode')}
            value={e.barcode}
            readOnly={false}
            testId="goods-barcode"
            onChange={(barcode) => setEditing({ ...e, barcode })}
          />
          <TextField
            label={t('goods.name')}
            value={e.name}
            readOnly={false}
            testId="goods-name"
            onChange={(name) => setEditing({ ...e, name })}
          />
          <Choice
            label={t('goods.category')}
            value={e.category}
            options={categoryOptions}
            readOnly={false}
            testId="goods-category"
            onChange={(category) => setEditing({ ...e, category })}
          />
          <NumberField
            kind="money"
            label={t('goods.price')}
            value={e.priceMinor}
            currency={currency}
            readOnly={false}
            testId="goods-price"
            onChange={(priceMinor) => setEditing({ ...e, priceMinor })}
          />
          <button type="submit" className="primary" data-testid="goods-save">
            {t('goods.save')}
          </button>
          <button type="button" className="button--quiet" onClick={() => setEditing(null)}>
            {t('goods.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
