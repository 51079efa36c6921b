import { useTranslation } from 'react-i18next';
import { useMember } from '../state/member';
import { focusScan } from '../lib/focus';
import { isolate } from '../lib/isolate';

export function SearchResults() {
  const { t } = useTranslation();
  const search = useMember((s) => s.search);
  const select = useMember((s) => s.select);
  if (!search) return null;
  if (search.members.length === 0) {
    const text = t('scan.noResults', { query: isolate(search.query) });
    return (
      <p className="results results--empty" role="status">
        {search.productCode === true && (
          <strong data-testid="scan-no-product">{t('goods.noProduct', { barcode: isolate(search.query) })} </strong>
        )}
        {text}
      </p>
    );
  }
  return (
    <div className="results" id="search-results">
      <div className="results__head">
        <span>
          {t(search.by === 'phone' ? 'scan.resultsByPhone' : 'scan.resultsByName')}: “<bdi>{search.query}</bdi>”
        </span>
        <span className="muted">{t('scan.pick')}</span>
      </div>
      <ul role="listbox" aria-label={t('scan.label')}>
        {search.members.map((m, i) => (
          <li
            key={m.id}
            role="option"
            aria-selected={i === search.highlighted}
            className={i === search.highlighted ? 'results__item results__item--active' : 'results__item'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void select(m.id).then(focusScan)}
          >
            <span className="results__name">
              <bdi>{m.name}</bdi>
            </span>
            <span className="results__phone">{m.phoneMasked}</span>
            <span className="results__tier">
              <bdi>{m.tier?.name ?? ''}</bdi>
            </span>
            <span className="results__points">{m.balance}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
