import { GraphEventFactory } from '../testing/graph-event.factory';
import { mapDomainEvent } from './graph-row.mapper';
import { emptyRows } from './graph-rows.types';

describe(mapDomainEvent.name, () => {
  const f = new GraphEventFactory('t');

  it('should normalize the name and registration number when mapping a company', () => {
    const rows = emptyRows();

    mapDomainEvent(f.company('A', { name: 'Acme Trading Limited', registrationNumber: 'ab 123 45' }), rows);

    expect(rows.companies[0]?.props).toMatchObject({ nameNorm: 'acme trading ltd', regNorm: 'AB12345' });
  });

  it('should route a company guarantee to the company bucket with an open end when no validTo is given', () => {
    const rows = emptyRows();

    mapDomainEvent(f.guarantee('g', 'A', 'B', 100), rows);

    expect(rows.companyGuarantees[0]).toMatchObject({
      partyId: 't-A',
      targetId: 't-B',
      validTo: '9999-12-31',
      props: { amount: 100 },
    });
  });
});
