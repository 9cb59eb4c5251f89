export interface PolicyVersion {
  id: string;
  version: number;
  status: 'DRAFT' | 'ACTIVE' | 'RETIRED';
  note: string;
  rules: unknown;
  createdBy: string;
  createdAt: string;
  activatedBy: string | null;
  activatedAt: string | null;
  diffAgainstActive: { path: string; from: unknown; to: unknown }[];
}

export interface BacktestResult {
  evaluated: number;
  changed: number;
  transitions: unknown;
}
