import type { ProgrammeAnswer } from '../../../shared/admin/programme';
import type { Lang } from '../text';
import { Field } from './publishFlow';

// The cells of a catalogue row edited in place (GoodsTab, RewardsTab): a text box and the category
// list, each with its issue under it and its name for a screen reader (the column header shows it).

export function EditText(props: {
  label: string;
  value: string;
  size: number;
  mode?: 'decimal' | 'numeric';
  disabled: boolean;
  issue: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field label="" issue={props.issue}>
      <input
        aria-label={props.label}
        value={props.value}
        size={props.size}
        inputMode={props.mode}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/**
 * The chain's categories in the page's language. `blank` names an empty choice (a new item's: the
 * default category); without it a code the list no longer has is shown as it is, so it is not lost.
 */
export function EditCategory(props: {
  label: string;
  value: string;
  categories: ProgrammeAnswer['categories'];
  lang: Lang;
  blank?: string;
  disabled: boolean;
  issue: string | undefined;
  onChange: (value: string) => void;
}) {
  const list = props.categories?.categories ?? [];
  return (
    <Field label="" issue={props.issue}>
      <select
        aria-label={props.label}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.blank !== undefined ? (
          <option value="">{props.blank}</option>
        ) : (
          !list.some((c) => c.code === props.value) && <option value={props.value}>{props.value}</option>
        )}
        {list.map((c) => (
          <option key={c.code} value={c.code}>
            {c.names[props.lang]}
          </option>
        ))}
      </select>
    </Field>
  );
}
