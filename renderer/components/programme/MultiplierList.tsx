import { useTranslation } from 'react-i18next';
import { Group, NumberField, TextField } from './programmeFields';

/** Multipliers by a key the manager types (a category or an SKU): rows to add, change and remove. */
export function MultiplierList({
  title,
  values,
  readOnly,
  onChange,
}: {
  title: string;
  values: Record<string, number>;
  readOnly: boolean;
  onChange: (next: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(values);
  const replace = (i: number, next: [string, number] | null) =>
    onChange(Object.fromEntries(rows.flatMap((row, j) => (j !== i ? [row] : next === null ? [] : [next]))));
  return (
    <Group title={title}>
      {rows.map(([key, bp], i) => (
        <div className="programme__row" key={i}>
          <TextField
            label={t('programme.earn.key')}
            value={key}
            readOnly={readOnly}
            onChange={(k) => replace(i, [k, bp])}
          />
          <NumberField
            kind="multiplier"
            currency=""
            label={t('programme.earn.multiplier')}
            value={bp}
            readOnly={readOnly}
            onChange={(next) => replace(i, [key, next])}
          />
          {!readOnly && (
            <button type="button" className="button--quiet" onClick={() => replace(i, null)}>
              {t('programme.remove')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => onChange({ ...values, [`new${rows.length + 1}`]: 10_000 })}>
          {t('programme.add')}
        </button>
      )}
    </Group>
  );
}
