import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * A modal the keyboard can drive: it takes the focus (first field or button) when it opens;
 * Esc is handled by the till's key handler so there is one place that decides what Esc does.
 * Rendered on the page itself, not where it is opened: a dialog opened from the dark status bar
 * must not inherit the bar's light text.
 */
export function Dialog({
  title,
  children,
  wide,
  className,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A selector list matches in document order, so the marked element is looked up first.
    const first =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>('input, select, button:not([disabled])');
    first?.focus();
  }, []);
  return createPortal(
    <div className="overlay">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className={`dialog${wide ? ' dialog--wide' : ''} ${className ?? ''}`}
      >
        <header className="dialog__head">
          <h2>{title}</h2>
          <kbd className="dialog__esc">Esc</kbd>
        </header>
        <div className="dialog__body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
