import { API_PREFIX } from '../../../shared/contract/browserHost';

/**
 * In-page timing for the till suite, installed with page.addInitScript. It is a string, not a
 * function, on purpose: tsx compiles functions with name helpers (`__name`) that do not exist
 * in the page, so a serialised function would fail there.
 *
 * What one measurement is:
 * - start: the trusted `keydown` of the trigger key (Enter for a scan, F12 for a sale), seen by a
 *   capture listener on window, i.e. before the till's own handlers run. Playwright's CDP time
 *   to deliver the key is therefore outside the figure.
 * - dom: the first DOM mutation after which `selector` exists and its text holds every one of
 *   `mustContain` (React has committed the panel or receipt with this member's data).
 * - api: from the first to the last HTTP call the till made for it (Resource Timing), i.e. the
 *   part spent in the browser host and the services rather than in the page.
 * - frame: performance.now() inside the first requestAnimationFrame after that commit, i.e. the
 *   start of the frame that paints it (style, layout and paint follow in the same frame). This
 *   is the figure the suite reports: what the cashier sees, to within that frame's paint.
 */
export const TILL_PROBE_SCRIPT = `
(() => {
  let pending = null;
  window.__tillProbe = {
    arm(selector, mustContain, triggerKey, timeoutMs) {
      let t0 = null;
      performance.clearResourceTimings();
      const onKey = (e) => { if (t0 === null && e.key === triggerKey) t0 = performance.now(); };
      const matches = () => {
        const el = document.querySelector(selector);
        if (!el) return false;
        const text = el.textContent || '';
        return mustContain.every((s) => text.includes(s));
      };
      pending = new Promise((resolve, reject) => {
        let obs = null;
        const cleanup = () => {
          if (obs) obs.disconnect();
          clearTimeout(timer);
          window.removeEventListener('keydown', onKey, true);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error('till probe: ' + selector + ' with ' + JSON.stringify(mustContain) +
            ' did not show within ' + timeoutMs + ' ms (key seen: ' + (t0 !== null) + ')'));
        }, timeoutMs);
        obs = new MutationObserver(() => {
          if (t0 === null || !matches()) return;
          const start = t0;
          const dom = performance.now() - start;
          cleanup();
          // The till's calls made for this action: the first request's start to the last answer.
          const calls = performance.getEntriesByType('resource')
            .filter((r) => r.name.includes(${JSON.stringify(API_PREFIX)}))
            .filter((r) => r.startTime >= start && r.responseEnd <= start + dom);
          const api = calls.length === 0 ? 0
            : Math.max(...calls.map((r) => r.responseEnd)) - Math.min(...calls.map((r) => r.startTime));
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start, api }));
        });
        window.addEventListener('keydown', onKey, true);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      return true;
    },
    wait() {
      if (!pending) return Promise.reject(new Error('till probe: wait() before arm()'));
      const p = pending;
      pending = null;
      return p;
    },
  };
})();
`;

export interface ProbeTiming {
  /** Trigger keydown → DOM committed with the expected content, ms. */
  dom: number;
  /** Trigger keydown → the frame that paints it, ms (the reported figure). */
  frame: number;
  /** The HTTP calls made for it, first start to last answer, ms. */
  api: number;
}

export const isProbeTiming = (v: unknown): v is ProbeTiming =>
  typeof v === 'object' &&
  v !== null &&
  'dom' in v &&
  'frame' in v &&
  'api' in v &&
  typeof v.dom === 'number' &&
  typeof v.frame === 'number' &&
  typeof v.api === 'number';
