import { describe, expect, it } from 'vitest';
import { endpointUrl } from './hoClient';

describe('head office endpoints under the URL a manager typed', () => {
  it('keeps https and a reverse proxy path prefix', () => {
    expect(endpointUrl('https://hq.example.com', '/sync/v1/push')).toBe('https://hq.example.com/sync/v1/push');
    const prefixed = 'https://hq.example.com/tillcard';
    expect(endpointUrl(prefixed, '/sync/v1/push')).toBe(`${prefixed}/sync/v1/push`);
    expect(endpointUrl(`${prefixed}/`, '/sync/v1/enrol')).toBe(`${prefixed}/sync/v1/enrol`);
    expect(endpointUrl('http://192.168.1.20:8787/', '/sync/v1/pull')).toBe('http://192.168.1.20:8787/sync/v1/pull');
  });
});
