import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toSVG } from 'bwip-js/browser';

const svgUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function draw(cardNumber: string): { barcode: string; qr: string } | null {
  try {
    return {
      barcode: svgUrl(
        toSVG({
          bcid: 'code128',
          text: cardNumber,
          scale: 2,
          height: 12,
          includetext: true,
          textxalign: 'center',
          textsize: 10,
        }),
      ),
      qr: svgUrl(toSVG({ bcid: 'qrcode', text: cardNumber, scale: 3 })),
    };
  } catch {
    return null;
  }
}

/**
 * The member card's Code128 barcode (what the till's scanner reads) and a QR code (phones), as
 * SVG so they print sharp at any size; data: URLs are allowed by the page's CSP for images.
 */
export function CardCodes({ cardNumber }: { cardNumber: string }) {
  const { t } = useTranslation();
  const codes = useMemo(() => draw(cardNumber), [cardNumber]);
  if (!codes) return <p className="field-error">{t('register.barcodeFailed')}</p>;
  return (
    <div className="codes">
      <img src={codes.barcode} className="codes__barcode" data-testid="card-barcode" alt={`Code128 ${cardNumber}`} />
      <img src={codes.qr} className="codes__qr" data-testid="card-qr" alt={`QR ${cardNumber}`} />
    </div>
  );
}
