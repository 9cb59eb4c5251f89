export type ReplayStatus = 'SAME' | 'CHANGED' | 'UNAVAILABLE';

export interface DecisionReplay {
  status: ReplayStatus;
  decidedAt: string;
  policy: {
    status: ReplayStatus;
    version: number;
    stored: string;
    replayed: string | null;
    ruleChanges: string[];
    reason?: string;
  };
  model: {
    status: ReplayStatus;
    modelVersion: string;
    storedPd: number;
    storedGrade: string;
    replayedPd: number | null;
    replayedGrade: string | null;
    reason?: string;
  };
  graph: {
    status: ReplayStatus;
    asOf: string | null;
    changes: { feature: string; stored: number; replayed: number }[];
    reason?: string;
  };
}
