import type { Lang } from '../text';
import type { AreaId } from './areas';
import { hashOf } from './hashRoute';
import { shellText } from './shellText';

/** The areas as links (a hash each): Tab reaches them, Enter opens one, the current one is marked for readers. */
export function ConsoleNav({ lang, areas, current }: { lang: Lang; areas: readonly AreaId[]; current: AreaId | null }) {
  return (
    <nav className="console__nav" aria-label={shellText(lang, 'nav')} data-testid="console-nav">
      <ul>
        {areas.map((area) => (
          <li key={area}>
            <a
              href={hashOf(area)}
              data-area={area}
              aria-current={area === current ? 'page' : undefined}
              className={area === current ? 'console__link console__link--current' : 'console__link'}
            >
              {shellText(lang, `area_${area}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
