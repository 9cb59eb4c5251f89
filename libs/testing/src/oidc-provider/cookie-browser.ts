/** One HTTP answer as a browser would see it before following it. */
export interface BrowserAnswer {
  url: string;
  status: number;
  location?: string;
  setCookies: string[];
  body: string;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/**
 * Just enough of a browser to drive an OIDC sign-in over HTTP: a cookie jar (by name and path,
 * one host as in the tests), redirects followed one at a time, and the identity provider's HTML
 * forms (login, consent) submitted as a person would. No JavaScript, no mocks.
 */
export class CookieBrowser {
  private readonly cookies = new Map<string, StoredCookie>();

  /** A cookie's value in the jar (any path), for tests that inspect or alter it. */
  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  setCookie(name: string, value: string, path: string): void {
    this.cookies.set(`${name}|${path}`, { name, value, path });
  }

  async get(url: string): Promise<BrowserAnswer> {
    return this.send(url, 'GET');
  }

  /** A POST without a body, as the console's `fetch(url, { method: 'POST' })` sends it. */
  async post(url: string): Promise<BrowserAnswer> {
    return this.send(url, 'POST');
  }

  /**
   * Follows redirects and submits the provider's forms (login as `login`, then consent) until the
   * next URL satisfies `stop`; resolves to that URL without requesting it. Fails when a page
   * offers nothing to do.
   */
  async signInUntil(startUrl: string, login: string, stop: (url: URL) => boolean, maxSteps = 20): Promise<string> {
    let answer = await this.get(startUrl);
    for (let step = 0; step < maxSteps; step++) {
      if (answer.location !== undefined) {
        const next = new URL(answer.location, answer.url);
        if (stop(next)) {
          return next.href;
        }
        answer = await this.get(next.href);
        continue;
      }
      const form = formOf(answer.body);
      if (answer.status !== 200 || !form) {
        throw new Error(`sign-in stuck at ${answer.url}: ${answer.status} ${answer.body.slice(0, 300)}`);
      }
      const fields = { ...form.fields, login, password: 'any-password-the-test-provider-accepts' };
      const target = new URL(form.action, answer.url).href;
      answer = await this.send(target, 'POST', new URLSearchParams(fields));
    }
    throw new Error(`sign-in did not finish within ${maxSteps} steps`);
  }

  private async send(url: string, method: string, form?: URLSearchParams): Promise<BrowserAnswer> {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter(
        (c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    const setCookies = res.headers.getSetCookie();
    setCookies.forEach((line) => this.store(line));
    const location = res.headers.get('location');
    return { url, status: res.status, setCookies, body: await res.text(), ...(location ? { location } : {}) };
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key, raw = ''] = attribute.split('=');
      const k = key.toLowerCase();
      if (k === 'path') {
        path = raw;
      } else if (k === 'max-age') {
        expired ||= Number(raw) <= 0;
      } else if (k === 'expires') {
        expired ||= Date.parse(raw) <= Date.now();
      }
    }
    const key = `${name}|${path}`;
    if (expired) {
      this.cookies.delete(key);
    } else {
      this.cookies.set(key, { name, value, path });
    }
  }
}

/** The first form of a page: its action and the values of its named inputs. */
function formOf(html: string): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) {
    return undefined;
  }
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0]);
    const value = /value="([^"]*)"/.exec(input[0]);
    if (name) {
      fields[name[1]] = value ? value[1] : '';
    }
  }
  return { action: form[1].replace(/&amp;/g, '&'), fields };
}
