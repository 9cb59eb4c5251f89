import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ContractViolation } from '../envelope/contract-violation';
import { parseEvent } from '../envelope/parse-event';
import { Topics } from '../topics';
import { type ApplicationIncompleteEvent, applicationIncompleteRegistry } from './application-incomplete.schema';

const FIXTURES = join(__dirname, '../../../../test/fixtures', Topics.applicationIncomplete);
const files = (dir: string): string[] => readdirSync(join(FIXTURES, dir));
const read = (dir: string, name: string): Buffer => readFileSync(join(FIXTURES, dir, name));

describe('applicationIncompleteSchema', () => {
  it.each(files('ok'))('should accept the golden fixture %s', (name) => {
    const event = parseEvent<ApplicationIncompleteEvent>(read('ok', name), applicationIncompleteRegistry);

    expect(event.type).toBe('application.incomplete');
    expect(event.payload.missing.length).toBeGreaterThan(0);
  });

  it.each(files('not-ok'))('should reject %s with the code its name gives', (name) => {
    let error: unknown;

    try {
      parseEvent(read('not-ok', name), applicationIncompleteRegistry);
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as ContractViolation).code).toBe(name.split('--')[0]);
  });
});
