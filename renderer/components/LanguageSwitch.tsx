import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contract/primitives';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { run } from '../state/run';
import { useStatus } from '../state/status';

/** Switches the terminal language; the sale in progress lives in its store and is untouched. */
export async function switchLanguage(locale?: Locale): Promise<void> {
  const current = useStatus.getState().status?.locale ?? 'zh-CN';
  const next: Locale = locale ?? (current === 'zh-CN' ? 'en' : 'zh-CN');
  const status = await run(api.setLocale({ locale: next }));
  if (status) useStatus.getState().apply(status);
  focusScan();
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="lang"
      data-testid="language-switch"
      aria-label={t('status.language')}
      onClick={() => void switchLanguage()}
    >
      {t('keys.language')} <kbd>Alt+L</kbd>
    </button>
  );
}
