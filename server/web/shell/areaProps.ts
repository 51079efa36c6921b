import type { Session } from '../api';
import type { Lang } from '../text';

/** What every area component is given: the page's language and who is signed in. */
export interface AreaProps {
  lang: Lang;
  session: Session;
}
