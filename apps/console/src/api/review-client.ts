/**
 * A typed door to review keyed by path and method, over the types `npm run openapi` generates
 * from review's controllers (libs/contracts/src/openapi/review.d.ts): the path's parameters, its
 * query, its body and its answer all come from the API description, so a renamed field breaks
 * the console's type-check instead of its pages.
 */
import type { paths } from '@loanmesh/contracts/openapi/review';

import { request, type RequestOptions } from './http';

type Method = 'get' | 'post';

/** The paths that answer `M`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : unknown;

/** The JSON of the success answer; `unknown` where review does not describe it yet. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? Json<R[200]>
      : 201 extends keyof R
        ? Json<R[201]>
        : unknown
    : unknown;

type Params<O> = O extends { parameters: infer X } ? X : never;
type PathArgs<O> = Params<O> extends { path: infer PP } ? { path: PP } : unknown;
type QueryArgs<O> =
  Params<O> extends { query: infer Q }
    ? { query: Q }
    : Params<O> extends { query?: infer Q }
      ? [NonNullable<Q>] extends [never]
        ? unknown
        : { query?: Q }
      : unknown;
type BodyArgs<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? { body: B } : unknown;

/** What a call to `P` by `M` needs: `path` for `{id}` segments, `query`, `body`, as described. */
export type ArgsOf<P extends keyof paths, M extends Method> = PathArgs<Operation<P, M>> &
  QueryArgs<Operation<P, M>> &
  BodyArgs<Operation<P, M>> &
  Pick<RequestOptions, 'anonymous' | 'background'>;

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** `/cases/{id}` with `{ id }` → `/cases/<id, encoded>`, plus the query string. */
export function urlOf(template: string, path?: Record<string, string>, query?: Query): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) {
      throw new Error(`missing path parameter ${name} for ${template}`);
    }
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? (value as readonly string[]) : [value]) {
      if (v !== undefined && v !== '') {
        search.append(key, String(v));
      }
    }
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

interface LooseArgs {
  path?: Record<string, string>;
  query?: Query;
  body?: unknown;
  anonymous?: boolean;
  background?: boolean;
}

function call(method: 'GET' | 'POST', template: string, args: LooseArgs): Promise<unknown> {
  return request<unknown>(urlOf(template, args.path, args.query), {
    method,
    body: args.body,
    anonymous: args.anonymous,
    background: args.background,
  });
}

export function get<P extends PathOf<'get'>>(path: P, args: ArgsOf<P, 'get'>): Promise<ResponseOf<P, 'get'>> {
  return call('GET', path, args) as Promise<ResponseOf<P, 'get'>>;
}

export function post<P extends PathOf<'post'>>(path: P, args: ArgsOf<P, 'post'>): Promise<ResponseOf<P, 'post'>> {
  return call('POST', path, args) as Promise<ResponseOf<P, 'post'>>;
}
