import { request } from './http';
import type { WatchlistEntry, WatchlistPage, WatchlistStatus } from './watchlist.types';

export function watchlist(status: WatchlistStatus | 'ALL', page: number): Promise<WatchlistPage> {
  return request<WatchlistPage>(`/watchlist?status=${status}&page=${page}&pageSize=50`);
}

export function acknowledgeWatch(id: number): Promise<WatchlistEntry> {
  return request<WatchlistEntry>(`/watchlist/${id}/acknowledge`, { method: 'POST' });
}
