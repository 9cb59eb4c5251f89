export type WatchlistStatus = 'OPEN' | 'ACKNOWLEDGED';

/** A live loan whose network worsened (review's `GET /watchlist` item). */
export interface WatchlistEntry {
  id: number;
  alertId: string;
  loanId: string;
  companyId: string;
  triggerCompanyId: string;
  defaultedAt: string;
  hops: number;
  path: string[];
  relationships: string[];
  applicationId: string | null;
  oldPd: number | null;
  newPd: number | null;
  rescoreStatus: 'PENDING' | 'DONE' | 'UNAVAILABLE';
  rescoreReason: string | null;
  status: WatchlistStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  createdAt: string;
}

export interface WatchlistPage {
  items: WatchlistEntry[];
  total: number;
  page: number;
  pageSize: number;
}
