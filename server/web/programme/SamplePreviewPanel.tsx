import { useState } from 'react';
import { PreviewRulesInput } from '../../../shared/contract/programme';
import type { RuleSet } from '../../../shared/domain/rules/ruleSet';
import type { CategoryList } from '../../../shared/sync/catalogue';
import { count } from '../format';
import type { Lang } from '../text';
import { checkWith } from './fieldIssues';
import { figureToMinor, minorToFigure, wholeNumber } from './formInput';
import { Field } from './publishFlow';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { previewEarn, type SamplePreview } from './samplePreview';

// A sample basket and what it would earn under the rules in force and as edited, side by side: worked
// out here, by the till's own earn engine (samplePreview.ts). The basket is checked by the till's
// preview schema (PreviewRulesInput), so a wrong quantity is said beside its field.

const BasketSchema = PreviewRulesInput.pick({ basket: true, tierCode: true, visitNumber: true });

interface LineForm {
  sku: string;
  category: string;
  quantity: string;
  price: string;
}

export function SamplePreviewPanel(props: {
  lang: Lang;
  inForce: RuleSet | null;
  edited: RuleSet | null;
  categories: CategoryList | null;
  tierCodes: string[];
}) {
  const { lang, inForce, edited, categories, tierCodes } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const firstCategory = categories?.defaultCode ?? '';
  const [lines, setLines] = useState<LineForm[]>([
    { sku: 'SAMPLE-1', category: firstCategory, quantity: '2', price: '25.00' },
    { sku: 'SAMPLE-2', category: firstCategory, quantity: '1', price: '18.50' },
  ]);
  const [tierCode, setTierCode] = useState<string>('');
  const [visit, setVisit] = useState('1');

  const checked = checkWith(
    BasketSchema,
    {
      basket: {
        lines: lines.map((l) => ({
          sku: l.sku,
          category: l.category,
          quantity: wholeNumber(l.quantity),
          unitPriceMinor: figureToMinor(l.price),
        })),
      },
      tierCode: tierCode === '' ? null : tierCode,
      visitNumber: wholeNumber(visit),
    },
    lang,
  );
  const issues = checked.ok ? {} : checked.issues;
  const basket =
    checked.ok && 'lines' in checked.value.basket
      ? { lines: checked.value.basket.lines, tierCode: checked.value.tierCode, visitNumber: checked.value.visitNumber }
      : null;
  const under = (rules: RuleSet | null): SamplePreview | null =>
    rules === null || basket === null ? null : previewEarn(rules, categories, basket);
  const set = (i: number, patch: Partial<LineForm>) =>
    setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  return (
    <div className="programme__preview" data-testid="sample-preview">
      <h3>{t('sampleTitle')}</h3>
      <p className="muted">{t('sampleHint')}</p>
      {lines.map((line, i) => (
        <div className="programme__row" key={i}>
          <Field label={t('sku')} issue={issues[`basket.lines.${i}.sku`]}>
            <input value={line.sku} size={10} onChange={(e) => set(i, { sku: e.target.value })} />
          </Field>
          <Field label={t('category')} issue={issues[`basket.lines.${i}.category`]}>
            <select value={line.category} onChange={(e) => set(i, { category: e.target.value })}>
              {(categories?.categories ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.names[lang]}
                </option>
              ))}
              {categories === null && <option value="">{t('absent')}</option>}
            </select>
          </Field>
          <Field label={t('quantity')} issue={issues[`basket.lines.${i}.quantity`]}>
            <input
              value={line.quantity}
              size={4}
              inputMode="numeric"
              onChange={(e) => set(i, { quantity: e.target.value })}
            />
          </Field>
          <Field label={t('unitPrice')} issue={issues[`basket.lines.${i}.unitPriceMinor`]}>
            <input
              value={line.price}
              size={8}
              inputMode="decimal"
              onChange={(e) => set(i, { price: e.target.value })}
            />
          </Field>
          <button type="button" onClick={() => setLines(lines.filter((_l, k) => k !== i))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <div className="programme__row">
        <button
          type="button"
          onClick={() =>
            setLines([
              ...lines,
              { sku: `SAMPLE-${lines.length + 1}`, category: firstCategory, quantity: '1', price: '10.00' },
            ])
          }
        >
          {t('addLine')}
        </button>
        <Field label={t('tier')} issue={issues.tierCode}>
          <select value={tierCode} onChange={(e) => setTierCode(e.target.value)}>
            <option value="">{t('noTier')}</option>
            {tierCodes.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('visitNumber')} issue={issues.visitNumber}>
          <input value={visit} size={4} inputMode="numeric" onChange={(e) => setVisit(e.target.value)} />
        </Field>
      </div>
      {issues['basket.lines'] !== undefined && <p className="office__error">{issues['basket.lines']}</p>}
      <table className="programme__earn">
        <thead>
          <tr>
            <th />
            <th>{t('inForce')}</th>
            <th>{t('edited')}</th>
          </tr>
        </thead>
        <tbody>
          <EarnRows lang={lang} inForce={under(inForce)} edited={under(edited)} lineCount={lines.length} />
        </tbody>
      </table>
    </div>
  );
}

function EarnRows(props: {
  lang: Lang;
  inForce: SamplePreview | null;
  edited: SamplePreview | null;
  lineCount: number;
}) {
  const { lang, inForce, edited, lineCount } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const cell = (p: SamplePreview | null, pick: (earn: Extract<SamplePreview, { ok: true }>['earn']) => string) => {
    if (p === null) return t('absent');
    if (!p.ok) return t('unknownCategory', { line: p.unknownCategoryLine + 1 });
    return pick(p.earn);
  };
  return (
    <>
      <tr data-testid="preview-points">
        <th>{t('points')}</th>
        <td className="num">{cell(inForce, (e) => count(e.points, lang))}</td>
        <td className="num">
          <strong>{cell(edited, (e) => count(e.points, lang))}</strong>
        </td>
      </tr>
      <tr>
        <th>{t('eligible')}</th>
        <td className="num">{cell(inForce, (e) => minorToFigure(e.eligibleMinor))}</td>
        <td className="num">{cell(edited, (e) => minorToFigure(e.eligibleMinor))}</td>
      </tr>
      {Array.from({ length: lineCount }, (_v, i) => (
        <tr key={i}>
          <th>
            {t('linePoints')} {i + 1}
          </th>
          <td className="num">{cell(inForce, (e) => count(e.lines[i]?.points ?? 0, lang))}</td>
          <td className="num">{cell(edited, (e) => count(e.lines[i]?.points ?? 0, lang))}</td>
        </tr>
      ))}
    </>
  );
}
