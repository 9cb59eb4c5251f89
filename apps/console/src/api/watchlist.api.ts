import { get, post, type ResponseOf } from './review-client';

export type WatchlistPage = ResponseOf<'/watchlist', 'get'>;
/** A live loan whose network worsened. */
export type WatchlistEntry = WatchlistPage['items'][number];
export type WatchlistStatus = WatchlistEntry['status'];

export function watchlist(status: WatchlistStatus | 'ALL', page: number): Promise<WatchlistPage> {
  return get('/watchlist', { query: { status, page, pageSize: 50 } });
}

export function acknowledgeWatch(id: number): Promise<WatchlistEntry> {
  return post('/watchlist/{id}/acknowledge', { path: { id } });
}
