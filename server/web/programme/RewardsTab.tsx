import { useState } from 'react';
import type { ProgrammeAnswer } from '../../../shared/admin/programme';
import { RewardInput } from '../../../shared/admin/inputs';
import { changesBetween } from './changeSummary';
import { figureToMinor, minorToFigure, wholeNumber } from './formInput';
import type { PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { EditCategory, EditText } from './EditCells';
import { ConfirmChanges, PublishNote, usePublish, type Publish } from './publishFlow';
import { RewardShopStockPanel } from './RewardShopStockPanel';

// The rewards members redeem points for: each row's points, stock and active saved on its own; a new
// reward added below. Stock is the chain's (head office's count; every redemption at any shop takes one),
// unless a shop has a stock of its own (RewardShopStockPanel, below the table).

type OfficeReward = ProgrammeAnswer['rewards'][number];

interface RewardForm {
  code: string;
  name: string;
  category: string;
  pointsCost: string;
  cashValue: string;
  /** Empty: unlimited. */
  stock: string;
  active: boolean;
  minTierCode: string;
}

const formOf = (r: OfficeReward): RewardForm => ({
  code: r.code,
  name: r.name,
  category: r.category,
  pointsCost: String(r.pointsCost),
  cashValue: minorToFigure(r.cashValueMinor),
  stock: r.stock === null ? '' : String(r.stock),
  active: r.active,
  minTierCode: r.minTierCode ?? '',
});

const bodyOf = (f: RewardForm) => ({
  code: f.code,
  name: f.name,
  category: f.category,
  pointsCost: wholeNumber(f.pointsCost),
  cashValueMinor: figureToMinor(f.cashValue),
  stock: f.stock.trim() === '' ? null : wholeNumber(f.stock),
  active: f.active,
  minTierCode: f.minTierCode === '' ? null : f.minTierCode,
});

const specOf = ({ id: _id, updatedAt: _at, ...spec }: OfficeReward) => spec;

export function RewardsTab(props: PartProps) {
  const { lang, programme } = props;
  const t = (key: ProgrammeTextKey) => programmeText(lang, key);
  const publish = usePublish(lang, props.reload);
  // The row last sent: the issues shown are its own.
  const [sentRow, setSentRow] = useState<string | null>(null);
  const blank: RewardForm = {
    code: '',
    name: '',
    category: programme.categories?.defaultCode ?? '',
    pointsCost: '',
    cashValue: '0.00',
    stock: '',
    active: true,
    minTierCode: '',
  };
  return (
    <div data-testid="rewards-tab">
      <p className="muted">{t('stockChainWide')}</p>
      {programme.rewards.length === 0 && <p className="muted">{t('noRewards')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('rewardCode')}</th>
            <th>{t('rewardName')}</th>
            <th>{t('category')}</th>
            <th>{t('pointsCost')}</th>
            <th>{t('cashValue')}</th>
            <th>{t('stock')}</th>
            <th>{t('minTier')}</th>
            <th>{t('active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {programme.rewards.map((reward) => (
            <RewardRow
              key={`${reward.id}-${reward.updatedAt}`}
              {...props}
              reward={reward}
              initial={formOf(reward)}
              publish={publish}
              sent={sentRow === reward.id}
              onSend={() => setSentRow(reward.id)}
            />
          ))}
          {props.mayWrite && (
            <RewardRow
              key={`new-${programme.rewards.length}`}
              {...props}
              reward={null}
              initial={blank}
              publish={publish}
              sent={sentRow === 'new'}
              onSend={() => setSentRow('new')}
            />
          )}
        </tbody>
      </table>
      <PublishNote note={publish.note} />
      <ConfirmChanges publish={publish} lang={lang} />
      <RewardShopStockPanel lang={lang} admin={props.admin} rewards={programme.rewards} mayWrite={props.mayWrite} />
    </div>
  );
}

function RewardRow(
  props: PartProps & {
    reward: OfficeReward | null;
    initial: RewardForm;
    publish: Publish;
    sent: boolean;
    onSend: () => void;
  },
) {
  const { lang, programme, admin, mayWrite, reward, publish } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const [form, setForm] = useState<RewardForm>(props.initial);
  const set = (patch: Partial<RewardForm>) => setForm({ ...form, ...patch });
  const issues = props.sent ? publish.issues : {};
  const id = reward?.id ?? null;

  const save = () => {
    props.onSend();
    const body = publish.check(RewardInput, bodyOf(form));
    if (body === null) return;
    const target = id ?? crypto.randomUUID();
    publish.ask(
      changesBetween(reward ? specOf(reward) : {}, body),
      () => admin.call('upsertReward', { params: { id: target }, body }),
      () => t('saved'),
    );
  };
  const tiers = programme.tiers ?? [];
  // A text field of the form, its issue by the body's field it becomes.
  const text = (
    field: 'code' | 'name' | 'pointsCost' | 'cashValue' | 'stock',
    size: number,
    label: ProgrammeTextKey,
    issue: string,
    mode?: 'decimal' | 'numeric',
  ) => (
    <EditText
      label={t(label)}
      value={form[field]}
      size={size}
      mode={mode}
      disabled={!mayWrite}
      issue={issues[issue]}
      onChange={(value) => set({ [field]: value })}
    />
  );
  return (
    <tr data-reward={reward?.code ?? 'new'}>
      <td>{reward ? reward.code : text('code', 8, 'rewardCode', 'code')}</td>
      <td>{text('name', 14, 'rewardName', 'name')}</td>
      <td>
        <EditCategory
          label={t('category')}
          value={form.category}
          categories={programme.categories}
          lang={lang}
          disabled={!mayWrite}
          issue={issues.category}
          onChange={(category) => set({ category })}
        />
      </td>
      <td>{text('pointsCost', 6, 'pointsCost', 'pointsCost', 'numeric')}</td>
      <td>{text('cashValue', 6, 'cashValue', 'cashValueMinor', 'decimal')}</td>
      <td>{text('stock', 5, 'stock', 'stock', 'numeric')}</td>
      <td>
        <select
          aria-label={t('minTier')}
          value={form.minTierCode}
          disabled={!mayWrite}
          onChange={(e) => set({ minTierCode: e.target.value })}
        >
          <option value="">{t('anyTier')}</option>
          {tiers.map((tier) => (
            <option key={tier.code} value={tier.code}>
              {tier.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('active')}
          checked={form.active}
          disabled={!mayWrite}
          onChange={(e) => set({ active: e.target.checked })}
        />
      </td>
      <td>
        {mayWrite && (
          <button type="button" className={reward ? '' : 'primary'} onClick={save}>
            {reward ? t('save') : t('addReward')}
          </button>
        )}
      </td>
    </tr>
  );
}
