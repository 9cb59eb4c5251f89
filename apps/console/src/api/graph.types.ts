export interface EgoNode {
  id: string;
  label: string;
  name: string | null;
  defaulted: boolean;
  sanctioned?: boolean;
  risky: boolean;
}

export interface EgoEdge {
  type: string;
  from: string;
  to: string;
  validFrom: string | null;
  validTo: string | null;
  risky: boolean;
}

export interface EgoGraph {
  center: string;
  asOf: string;
  nodes: EgoNode[];
  edges: EgoEdge[];
}

export type CandidateStatus = 'PENDING' | 'AUTO_LINKED' | 'CONFIRMED' | 'REJECTED';

export interface MergeCandidate {
  id: string;
  kind: string;
  status: CandidateStatus;
  rule: string;
  score: number;
  nameSimilarity: number;
  samePhone: boolean;
  sameAddress: boolean;
  sameBirthYear: boolean;
  decidedBy?: string;
  decidedAt?: string;
  a?: { id: string; name: string };
  b?: { id: string; name: string };
}
