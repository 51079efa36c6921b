import type {
  CampaignEffectAnswer,
  EffectFigures,
  LiftFigures,
  LiftMeasure,
} from '../../../shared/admin/campaignEffect';
import { count, dateTime, moneyFigure } from '../format';
import type { Lang } from '../text';
import { liftFigure } from './liftFigure';
import { campaignText, type CampaignTextKey } from './campaignText';

function FiguresRow({ name, f, lang }: { name: string; f: EffectFigures; lang: Lang }) {
  return (
    <tr>
      <td>{name}</td>
      <td>{count(f.participants, lang)}</td>
      <td>{count(f.attributedSales, lang)}</td>
      <td>{moneyFigure(f.attributedSalesMinor, lang)}</td>
      <td>{count(f.pointsIssued, lang)}</td>
      <td>{count(f.pointsNet, lang)}</td>
      <td>{moneyFigure(f.costMinor, lang)}</td>
    </tr>
  );
}

function LiftRow(props: { name: string; m: LiftMeasure; money: boolean; minGroup: number; lang: Lang }) {
  const { m, money, lang } = props;
  const show = (x: number) => liftFigure(x, money, lang);
  const why = m.notComputable === null ? '' : campaignText(lang, m.notComputable, { min: props.minGroup });
  return (
    <tr>
      <td>{props.name}</td>
      <td>{`${count(m.treated.n, lang)}, ${show(m.treated.mean)}`}</td>
      <td>{`${count(m.holdout.n, lang)}, ${show(m.holdout.mean)}`}</td>
      <td>{m.difference === null ? '—' : show(m.difference)}</td>
      <td>{m.interval === null ? why : `[${show(m.interval.low)}, ${show(m.interval.high)}]`}</td>
    </tr>
  );
}

function LiftTable({ lift, minGroup, lang }: { lift: LiftFigures; minGroup: number; lang: Lang }) {
  const t = (key: CampaignTextKey) => campaignText(lang, key);
  return (
    <table>
      <thead>
        <tr>
          <th>{t('measure')}</th>
          <th>{t('treated')}</th>
          <th>{t('holdout')}</th>
          <th>{t('difference')}</th>
          <th>{t('interval')}</th>
        </tr>
      </thead>
      <tbody>
        <LiftRow name={t('spendPerMember')} m={lift.spendMinor} money minGroup={minGroup} lang={lang} />
        <LiftRow name={t('visitsPerMember')} m={lift.visits} money={false} minGroup={minGroup} lang={lang} />
      </tbody>
    </table>
  );
}

/** A campaign's effect: its figures in all and per shop, and its lift (both populations). */
export function EffectTables({ effect, lang }: { effect: CampaignEffectAnswer; lang: Lang }) {
  const t = (key: CampaignTextKey, params?: Record<string, string | number>) => campaignText(lang, key, params);
  return (
    <div data-testid="campaign-effect">
      <p className="muted">
        {t('window', {
          from: dateTime(effect.from, lang, ''),
          to: dateTime(effect.to, lang, ''),
          lookback: dateTime(effect.lookbackFrom, lang, ''),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('shop')}</th>
            <th>{t('participants')}</th>
            <th>{t('attributedSales')}</th>
            <th>{t('attributedAmount')}</th>
            <th>{t('pointsIssued')}</th>
            <th>{t('pointsNet')}</th>
            <th>{t('cost')}</th>
          </tr>
        </thead>
        <tbody>
          <FiguresRow name={t('allShops')} f={effect.overall} lang={lang} />
          {effect.shops.map((s) => (
            <FiguresRow key={s.shopId} name={s.shopId} f={s.figures} lang={lang} />
          ))}
        </tbody>
      </table>
      <h3>{t('lift')}</h3>
      <LiftTable lift={effect.lift} minGroup={effect.minGroup} lang={lang} />
      <h3>{t('liftBuyers')}</h3>
      <LiftTable lift={effect.liftAmongBuyers} minGroup={effect.minGroup} lang={lang} />
    </div>
  );
}
