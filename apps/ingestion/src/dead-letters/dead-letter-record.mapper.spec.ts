import { eventRefOf } from './dead-letter-record.mapper';

const application = JSON.stringify({
  eventId: 'e-1',
  type: 'loan.application-submitted',
  schemaVersion: 1,
  payload: { applicationId: 'AP-L7-00000001', companyId: 'co-1' },
});

describe(eventRefOf.name, () => {
  it('should read the type and application id when the JSON is cut in half after them', () => {
    const cut = application.slice(0, application.indexOf('companyId'));

    expect(eventRefOf(Buffer.from(cut))).toEqual({
      event_type: 'loan.application-submitted',
      application_id: 'AP-L7-00000001',
    });
  });

  it('should leave the application id null when the record does not show one as a string', () => {
    const wrongType = application.replace('"AP-L7-00000001"', '12345');

    expect(eventRefOf(Buffer.from(wrongType)).application_id).toBeNull();
  });

  it('should leave both null when the record is empty', () => {
    expect(eventRefOf(null)).toEqual({ event_type: null, application_id: null });
  });
});
