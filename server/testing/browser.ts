import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/admin/wire';

export interface Raw {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A browser's view of head office: keeps the session cookie it is given and sends it back. */
export class Browser {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    readonly url: string,
    /** The password signIn uses unless told another. */
    readonly password: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Raw> {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined && !sent['content-type']) sent['content-type'] = 'application/json';
    if (this.cookie) sent.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    const response = await fetch(this.url + path, {
      method,
      headers: sent,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (set) this.cookie = /^[^=]+=([^;]*)/.exec(set)?.[1] || null;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }

  async signIn(login: string, password = this.password): Promise<Raw> {
    const answer = await this.request('POST', '/admin/session', { login, password });
    if (answer.status === 200) this.csrf = String(answer.body.csrfToken);
    return answer;
  }

  /** A write as the page makes it: cookie plus the session's CSRF header. */
  write(method: string, path: string, body?: unknown): Promise<Raw> {
    return this.request(method, path, body, this.csrf ? { [CSRF_HEADER]: this.csrf } : {});
  }
}
