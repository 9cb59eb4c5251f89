import { CorrelationContext } from './correlation.context';
import { JsonLogger } from './json-logger.service';

describe(JsonLogger.name, () => {
  const capture = (level = 'info') => {
    const lines: string[] = [];
    const sut = new JsonLogger('ingestion', level, (l) => lines.push(l));
    return { sut, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  it('should write one JSON line with service and correlation id when logging inside a context', () => {
    const { sut, parsed } = capture();
    CorrelationContext.run('corr-1', () => sut.log('hello', 'Feature'));
    expect(parsed()[0]).toMatchObject({
      level: 'info',
      service: 'ingestion',
      context: 'Feature',
      correlationId: 'corr-1',
      msg: 'hello',
    });
  });

  it('should mask personal fields when logging an object', () => {
    const { sut, lines } = capture();
    sut.log({ outcome: 'processed', nationalId: 'AB123456789', phone: '+86 138 0000 1111' });
    expect(lines[0]).not.toContain('AB123456789');
    expect(lines[0]).not.toContain('0000 1111');
    expect(lines[0]).toContain('processed');
  });

  it('should drop debug lines when the level is info', () => {
    const { sut, lines } = capture('info');
    sut.debug('noise');
    sut.warn('kept');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('kept');
  });
});
