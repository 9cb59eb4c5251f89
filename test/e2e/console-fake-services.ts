import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { quietGraph } from '../../apps/review/src/testing/scored-event.factory';
import { bigEgoGraph } from './console-fake-graph';

export interface FakeCandidate {
  id: string;
  kind: 'company' | 'person';
  status: string;
  rule: string;
  score: number;
  nameSimilarity: number;
  samePhone: boolean;
  sameAddress: boolean;
  sameBirthYear: boolean;
  decidedBy?: string;
  a: { kind: string; id: string; name: string };
  b: { kind: string; id: string; name: string };
}

/** Entity-resolution candidates as the graph service lists them; decisions land here. */
export const candidates: FakeCandidate[] = [
  {
    id: 'company:co-er1:co-er2',
    kind: 'company',
    status: 'PENDING',
    rule: 'FUZZY',
    score: 0.86,
    nameSimilarity: 0.97,
    samePhone: true,
    sameAddress: false,
    sameBirthYear: false,
    a: { kind: 'company', id: 'co-er1', name: 'Erabrook Trading Ltd' },
    b: { kind: 'company', id: 'co-er2', name: 'Erabrook Tradng Ltd' },
  },
  {
    id: 'person:p-er1:p-er2',
    kind: 'person',
    status: 'PENDING',
    rule: 'FUZZY',
    score: 0.81,
    nameSimilarity: 0.93,
    samePhone: false,
    sameAddress: true,
    sameBirthYear: true,
    a: { kind: 'person', id: 'p-er1', name: 'Janet Quillmere' },
    b: { kind: 'person', id: 'p-er2', name: 'Janet Quilmere' },
  },
];

/** The entity-resolution routes of the graph service; true when the request was one of them. */
function entityResolution(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://graph');
  if (req.method === 'GET' && url.pathname === '/entity-resolution/candidates') {
    const status = url.searchParams.get('status');
    const listed = candidates.filter((c) => status === 'ALL' || c.status === status);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ candidates: listed }));
    return true;
  }
  const decision = /^\/entity-resolution\/candidates\/([^/]+)\/(confirm|reject)$/.exec(url.pathname);
  if (req.method !== 'POST' || !decision) {
    return false;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const candidate = candidates.find((c) => c.id === decodeURIComponent(decision[1]));
    if (!candidate) {
      res.writeHead(404).end();
      return;
    }
    candidate.status = decision[2] === 'confirm' ? 'CONFIRMED' : 'REJECTED';
    candidate.decidedBy = (JSON.parse(body) as { reviewer: string }).reviewer;
    res.writeHead(204).end();
  });
  return true;
}

/** Stands in for the graph service's ego-graph and entity-resolution endpoints (that service has its own tests). */
export function fakeGraphService(): Promise<Server> {
  const server = createServer((req, res) => {
    if (entityResolution(req, res)) {
      return;
    }
    const featuresOf = /\/applications\/([^/]+)\/features$/.exec(req.url ?? '')?.[1];
    if (featuresOf) {
      // The graph as it stood: the same quiet neighbourhood the case was scored with.
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ applicationId: featuresOf, asOf: '2026-01-01', features: quietGraph }));
      return;
    }
    const id = /\/applications\/([^/]+)\/ego-graph/.exec(req.url ?? '')?.[1];
    if (!id) {
      res.writeHead(404).end();
      return;
    }
    if (id.startsWith('big-')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bigEgoGraph(300)));
      return;
    }
    const nodes = [
      { id: 'co-center', label: 'Company', name: 'Applicant Ltd', defaulted: false, risky: true },
      { id: 'co-b', label: 'Company', name: 'Beta Trading', defaulted: false, risky: true },
      { id: 'co-c', label: 'Company', name: 'Gamma Works', defaulted: true, risky: true },
      { id: 'p-1', label: 'Person', name: 'Jane Director', defaulted: false, risky: false },
      { id: 'ph-1', label: 'Phone', name: '+1 555 0100', defaulted: false, risky: false },
    ];
    const edges = [
      { type: 'GUARANTEES', from: 'co-center', to: 'co-b', validFrom: null, validTo: null, risky: true },
      { type: 'GUARANTEES', from: 'co-b', to: 'co-c', validFrom: null, validTo: null, risky: true },
      { type: 'GUARANTEES', from: 'co-c', to: 'co-center', validFrom: null, validTo: null, risky: true },
      { type: 'DIRECTOR_OF', from: 'p-1', to: 'co-center', validFrom: null, validTo: null, risky: false },
      { type: 'HAS_PHONE', from: 'co-b', to: 'ph-1', validFrom: null, validTo: null, risky: false },
    ];
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ center: 'co-center', asOf: '2026-01-01', nodes, edges }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Stands in for the ingestion service's stats (the dashboard's parked applications). */
export function fakeIngestionService(): Promise<Server> {
  const stats = { stored: 0, duplicates: 0, deadLettered: 0, total: 0 };
  const parked = { waiting: 4, expired: 2109, expiredAnnounced: 140, oldestWaitingSeconds: 610 };
  const server = createServer((req, res) => {
    if (req.url !== '/ingestion/stats') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...stats, parked }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
