import { useState, type ReactNode } from 'react';
import { amountFigure, parseMoneyInput } from '../../../shared/domain/money';

// The Programme screen's fields. Each keeps what the manager types and hands the number up as they
// type; what is not a number goes up as NaN, so the core's schema refuses it with the field named
// (the screen checks nothing of its own: one set of rules, head office's).

export type NumberKind = 'int' | 'money' | 'multiplier' | 'percentBp';

function shown(kind: NumberKind, value: number, currency: string): string {
  if (Number.isNaN(value)) return '';
  if (kind === 'money') return value >= 0 ? amountFigure(value, currency) : String(value);
  if (kind === 'multiplier') return String(value / 10_000);
  if (kind === 'percentBp') return String(value / 100);
  return String(value);
}

function parsed(kind: NumberKind, text: string, currency: string): number {
  const trimmed = text.trim();
  if (kind === 'money') return parseMoneyInput(trimmed, currency) ?? Number.NaN;
  if (kind === 'int') return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Math.round(Number(trimmed) * (kind === 'multiplier' ? 10_000 : 100));
}

export function NumberField({
  label,
  value,
  onChange,
  kind,
  currency,
  readOnly,
  testId,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  kind: NumberKind;
  currency: string;
  readOnly: boolean;
  testId?: string;
}) {
  const [text, setText] = useState(() => shown(kind, value, currency));
  const [seen, setSeen] = useState(value);
  // A value changed from outside (a removed row above, a reset) shows; what the manager types stays.
  if (!Object.is(value, seen)) {
    setSeen(value);
    if (!Number.isNaN(value) && parsed(kind, text, currency) !== value) setText(shown(kind, value, currency));
  }
  return (
    <label className="programme__field">
      <span>{kind === 'multiplier' ? `${label} ×` : label}</span>
      <input
        inputMode={kind === 'int' ? 'numeric' : 'decimal'}
        value={text}
        readOnly={readOnly}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parsed(kind, e.target.value, currency));
        }}
      />
    </label>
  );
}

export function TextField({
  label,
  value,
  onChange,
  readOnly,
  testId,
}: {
  label: string;
  value: string;
  onChange: (s: string) => void;
  readOnly: boolean;
  testId?: string;
}) {
  return (
    <label className="programme__field">
      <span>{label}</span>
      <input value={value} readOnly={readOnly} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  readOnly,
  testId,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  readOnly: boolean;
  testId?: string;
}) {
  return (
    <label className="programme__field">
      <span>{label}</span>
      <select
        value={value}
        disabled={readOnly}
        data-testid={testId}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="programme__group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
