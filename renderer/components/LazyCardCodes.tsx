import { lazy, Suspense } from 'react';

// bwip-js is most of the till's JavaScript, and only the card views need it: it loads in its
// own chunk, so the till starts without it, and is fetched once the till is idle.
const load = () => import('./CardCodes');
const CardCodes = lazy(() => load().then((m) => ({ default: m.CardCodes })));

export function LazyCardCodes({ cardNumber }: { cardNumber: string }) {
  return (
    <Suspense fallback={<div className="codes codes--loading" aria-busy="true" />}>
      <CardCodes cardNumber={cardNumber} />
    </Suspense>
  );
}

/** Fetches the barcode chunk ahead of the first registration, when the till has nothing to do. */
export function preloadCardCodes(): void {
  const start = () => void load();
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 5_000 });
  else setTimeout(start, 1_000);
}
