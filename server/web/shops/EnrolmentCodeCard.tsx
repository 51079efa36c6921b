import { useEffect, useState } from 'react';
import type { CreateEnrolmentCodeResponse } from '../../../shared/sync/protocol';
import { dateTime } from '../format';
import type { Lang } from '../text';
import { qrCodeUrl } from './qrCode';
import { shopsText, type ShopsTextKey } from './shopsText';

/** A code just made: shown once (head office keeps only its hash), with its expiry, a copy button and a QR code. */
export function EnrolmentCodeCard(props: { lang: Lang; made: CreateEnrolmentCodeResponse; onDone: () => void }) {
  const { lang, made, onDone } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  // undefined: still drawing.
  const [qr, setQr] = useState<string | null | undefined>(undefined);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    void qrCodeUrl(made.code).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [made.code]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.code);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="shops__code" data-testid="enrolment-code" role="status">
      <p>{t('enrolShown', { shop: made.shopId, terminal: made.terminalCode })}</p>
      <div className="shops__code-row">
        <div>
          <output className="shops__code-text" data-testid="enrolment-code-text">
            {made.code}
          </output>
          <p className="muted" data-testid="enrolment-code-expiry">
            {t('enrolExpires', { time: dateTime(made.expiresAt, lang, '') })}
          </p>
          <div className="shops__buttons">
            <button type="button" className="primary" onClick={() => void copy()}>
              {t('enrolCopy')}
            </button>
            <button type="button" onClick={onDone}>
              {t('enrolDone')}
            </button>
          </div>
          {copied && (
            <p className={copied === 'yes' ? 'muted' : 'office__error'}>
              {t(copied === 'yes' ? 'enrolCopied' : 'enrolCopyFailed')}
            </p>
          )}
        </div>
        {qr && <img className="shops__qr" src={qr} alt={`QR ${made.code}`} data-testid="enrolment-qr" />}
        {qr === null && <p className="muted">{t('enrolQrFailed')}</p>}
      </div>
    </div>
  );
}
