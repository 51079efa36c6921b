import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { registerScanField } from '../lib/focus';
import { submitScan } from '../state/actions';
import { useMember } from '../state/member';
import { SearchResults } from './SearchResults';

/**
 * The one field that always has the focus. A USB scanner "types" the card digits and Enter in a
 * few milliseconds; that and a cashier typing reach the same submit, so both work the same way.
 */
export function ScanField() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const busy = useMember((s) => s.busy);
  const search = useMember((s) => s.search);
  const moveHighlight = useMember((s) => s.moveHighlight);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && search) {
      e.preventDefault();
      moveHighlight(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key !== 'Enter' || e.repeat) return;
    e.preventDefault();
    const value = e.currentTarget.value;
    const input = e.currentTarget;
    void submitScan(value).then((ok) => {
      if (ok) setText('');
      else input.select(); // the next scan replaces what failed
    });
  };

  return (
    <div className="scan">
      <label className="scan__label" htmlFor="scan-input">
        {t('scan.label')}
      </label>
      <input
        id="scan-input"
        ref={registerScanField}
        className="scan__input"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        inputMode="search"
        placeholder={t('scan.placeholder')}
        value={text}
        maxLength={60}
        aria-busy={busy}
        aria-controls={search ? 'search-results' : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {search && <SearchResults />}
    </div>
  );
}
