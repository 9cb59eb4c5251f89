import { inboundOutcomes, parseMetrics } from './service-metrics';

describe(parseMetrics.name, () => {
  it('should sum the inbound outcomes of one topic when labels come in any order', () => {
    const text = [
      '# HELP loanmesh_inbound_records_total Inbound Kafka records by outcome',
      'loanmesh_inbound_records_total{topic="a.v1",outcome="processed"} 7',
      'loanmesh_inbound_records_total{outcome="duplicate",topic="a.v1"} 2',
      'loanmesh_inbound_records_total{topic="b.v1",outcome="processed"} 5',
    ].join('\n');

    expect(inboundOutcomes(parseMetrics(text), 'a.v1')).toEqual({ processed: 7, duplicate: 2 });
  });
});
