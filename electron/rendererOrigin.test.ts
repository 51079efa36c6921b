import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isOwnRendererUrl,
  isTrustedSenderFrame,
  RENDERER_ENTRY_URL,
  resolveRendererFile,
} from './rendererOrigin';

const root = resolve('/srv/tillcard/dist/renderer');

describe('renderer origin', () => {
  it('serves files of the build under tillcard://app/', () => {
    expect(resolveRendererFile(root, RENDERER_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'tillcard://app/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'tillcard://app/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('refuses other hosts, schemes and escapes from the build folder', () => {
    for (const url of [
      'tillcard://other/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
      'tillcard://app/a%00.js',
      'tillcard://app/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveRendererFile(root, url), url).toBeNull();
    }
    // Dot segments are resolved by the URL parser before we see them: they stay inside the build.
    for (const url of ['tillcard://app/%2e%2e/%2e%2e/etc/passwd', 'tillcard://app/../../etc/passwd']) {
      expect(resolveRendererFile(root, url), url).toBe(join(root, 'etc', 'passwd'));
    }
    // An encoded slash survives the parser, so the path check itself must hold.
    expect(resolveRendererFile(root, 'tillcard://app/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('never resolves outside the build folder, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', '%2e%2e', '%2f', 'a', 'index.html', '', '%5c', '\\'), { maxLength: 8 }),
        (parts) => {
          const file = resolveRendererFile(root, `tillcard://app/${parts.join('/')}`);
          if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('trusts only the top frame of our own renderer', () => {
    expect(isTrustedSenderFrame({ url: RENDERER_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSenderFrame({ url: RENDERER_ENTRY_URL, parent: {} })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(isOwnRendererUrl(url)).toBe(false);
        expect(isTrustedSenderFrame({ url, parent: null })).toBe(false);
      }),
    );
  });

  it('has a CSP that runs only our own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(contentTypeFor('x/index.html')).toMatch(/text\/html/);
    expect(contentTypeFor('x/a.JS')).toMatch(/javascript/);
  });
});
