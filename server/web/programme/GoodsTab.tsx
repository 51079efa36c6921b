import { useCallback, useEffect, useState } from 'react';
import { GoodsQuery } from '../../../shared/admin/goods';
import { GoodsFields, GoodsPatch, type GoodsView } from '../../../shared/contract/goods';
import { changesBetween } from './changeSummary';
import { checkWith, type FieldIssues } from './fieldIssues';
import { figureToMinor, minorToFigure } from './formInput';
import type { PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { EditCategory, EditText } from './EditCells';
import { ConfirmChanges, Field, PublishNote, usePublish, type Publish } from './publishFlow';

// The shop's goods (issue 15): found by barcode, SKU or name; each item's name, category, price and
// active edited in its row (only what changed is sent); a new item added below. Every till follows.

interface ItemForm {
  sku: string;
  barcode: string;
  name: string;
  category: string;
  price: string;
}

const formOf = (g: GoodsView): ItemForm => ({
  sku: g.sku,
  barcode: g.barcode ?? '',
  name: g.name,
  category: g.category,
  price: minorToFigure(g.priceMinor),
});

/** What an item's row may change (its SKU is its name at every till). */
const EDITABLE = ['barcode', 'name', 'category', 'priceMinor'] as const;

const fieldsOf = (f: ItemForm) => ({
  sku: f.sku,
  barcode: f.barcode.trim() === '' ? null : f.barcode,
  name: f.name,
  category: f.category,
  priceMinor: figureToMinor(f.price),
});

export function GoodsTab(props: PartProps) {
  const { lang, admin } = props;
  const t = (key: ProgrammeTextKey) => programmeText(lang, key);
  const [find, setFind] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  // The search as last asked (the button), not at each key typed.
  const [asked, setAsked] = useState({ find: '', includeInactive: false });
  const [queryIssues, setQueryIssues] = useState<FieldIssues>({});
  const [goods, setGoods] = useState<GoodsView[] | null>(null);
  const [sentRow, setSentRow] = useState<string | null>(null);

  const load = useCallback(async () => {
    const checked = checkWith(
      GoodsQuery,
      { find: asked.find.trim() === '' ? undefined : asked.find, includeInactive: String(asked.includeInactive) },
      lang,
    );
    setQueryIssues(checked.ok ? {} : checked.issues);
    if (!checked.ok) return;
    const answer = await admin.send('goods', { query: checked.value });
    setGoods(answer.ok ? answer.value.goods : []);
  }, [admin, lang, asked]);
  useEffect(() => void load(), [load]);
  const publish = usePublish(lang, load);

  return (
    <div data-testid="goods-tab">
      <form
        className="office__search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ find, includeInactive });
        }}
      >
        <Field label={t('find')} issue={queryIssues.find}>
          <input name="find" value={find} onChange={(e) => setFind(e.target.value)} />
        </Field>
        <label className="programme__check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          {t('includeInactive')}
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      {goods !== null && goods.length === 0 && <p className="muted">{t('noGoods')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('sku')}</th>
            <th>{t('barcode')}</th>
            <th>{t('goodsName')}</th>
            <th>{t('category')}</th>
            <th>{t('price')}</th>
            <th>{t('active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(goods ?? []).map((item) => (
            <GoodsRow
              key={`${item.id}-${item.updatedAt}`}
              {...props}
              item={item}
              publish={publish}
              sent={sentRow === item.id}
              onSend={() => setSentRow(item.id)}
            />
          ))}
          {props.mayWrite && (
            <GoodsRow
              key={`new-${goods?.length ?? 0}`}
              {...props}
              item={null}
              publish={publish}
              sent={sentRow === 'new'}
              onSend={() => setSentRow('new')}
            />
          )}
        </tbody>
      </table>
      <PublishNote note={publish.note} />
      <ConfirmChanges publish={publish} lang={lang} />
    </div>
  );
}

function GoodsRow(props: PartProps & { item: GoodsView | null; publish: Publish; sent: boolean; onSend: () => void }) {
  const { lang, programme, admin, mayWrite, item, publish } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const blank: ItemForm = { sku: '', barcode: '', name: '', category: '', price: '' };
  const [form, setForm] = useState<ItemForm>(item ? formOf(item) : blank);
  const set = (patch: Partial<ItemForm>) => setForm({ ...form, ...patch });
  const issues = props.sent ? publish.issues : {};
  const categories = programme.categories;

  const send = (active?: boolean) => {
    props.onSend();
    if (item === null) {
      const body = publish.check(GoodsFields, fieldsOf(form));
      if (body === null) return;
      publish.ask(
        changesBetween({}, body),
        () => admin.call('addGoods', { body }),
        () => t('saved'),
      );
      return;
    }
    const before = fieldsOf(formOf(item));
    const after = fieldsOf(form);
    // Only the fields that changed: the patch leaves the others as they are.
    const patch: Record<string, unknown> = {};
    for (const key of EDITABLE) if (before[key] !== after[key]) patch[key] = after[key];
    const body = publish.check(GoodsPatch, active === undefined ? patch : { active });
    if (body === null) return;
    publish.ask(
      changesBetween({ ...before, active: item.active }, { ...before, active: item.active, ...body }),
      () => admin.call('updateGoods', { params: { id: item.id }, body }),
      () => t('saved'),
    );
  };

  const input = (field: keyof ItemForm, size: number, label: ProgrammeTextKey, mode?: 'decimal' | 'numeric') => (
    <EditText
      label={t(label)}
      value={form[field]}
      size={size}
      mode={mode}
      disabled={!mayWrite}
      issue={issues[field === 'price' ? 'priceMinor' : field]}
      onChange={(value) => set({ [field]: value })}
    />
  );
  return (
    <tr data-goods={item?.sku ?? 'new'} className={item?.active === false ? 'row--revoked' : undefined}>
      <td>{item ? item.sku : input('sku', 10, 'sku')}</td>
      <td>{input('barcode', 13, 'barcode', 'numeric')}</td>
      <td>{input('name', 16, 'goodsName')}</td>
      <td>
        <EditCategory
          label={t('category')}
          value={form.category}
          categories={categories}
          lang={lang}
          {...(item === null ? { blank: t('defaultCategory', { code: categories?.defaultCode ?? '' }) } : {})}
          disabled={!mayWrite}
          issue={issues.category}
          onChange={(category) => set({ category })}
        />
      </td>
      <td>{input('price', 8, 'price', 'decimal')}</td>
      <td>{item ? (item.active ? '✓' : '—') : ''}</td>
      <td>
        {mayWrite && (
          <>
            <button type="button" className={item ? '' : 'primary'} onClick={() => send()}>
              {item ? t('save') : t('addGoods')}
            </button>
            {item && (
              <>
                {' '}
                <button type="button" onClick={() => send(!item.active)}>
                  {item.active ? t('deactivate') : t('reactivate')}
                </button>
              </>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
