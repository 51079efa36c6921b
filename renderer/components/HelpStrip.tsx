import { useTranslation } from 'react-i18next';

const KEYS: [string, string][] = [
  ['F2', 'keys.register'],
  ['F3', 'keys.editMember'],
  ['F4', 'keys.amount'],
  ['F5', 'keys.reportLost'],
  ['F6', 'keys.items'],
  ['F7', 'keys.points'],
  ['F8', 'keys.rewards'],
  ['F9', 'keys.history'],
  ['F10', 'keys.newSale'],
  ['F11', 'keys.newCard'],
  ['F12', 'keys.confirm'],
  ['Esc', 'keys.cancel'],
];

/** Every till key on screen, so nobody has to remember them. */
export function HelpStrip() {
  const { t } = useTranslation();
  return (
    <footer className="help" aria-label={t('help.title')}>
      {KEYS.map(([key, label]) => (
        <span key={key} className="help__item">
          <kbd>{key}</kbd>
          {t(label)}
        </span>
      ))}
    </footer>
  );
}
