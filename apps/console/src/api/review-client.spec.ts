import { urlOf } from './review-client';

describe('urlOf', () => {
  it('should fill path parameters encoded when the template names them', () => {
    expect(urlOf('/cases/{id}/claim', { id: 'a/b c' })).toBe('/cases/a%2Fb%20c/claim');
  });

  it('should append the query, repeating arrays and leaving out empty values, when one is given', () => {
    expect(urlOf('/cases', undefined, { status: ['OPEN', 'CLAIMED'], q: '', page: 2, grade: undefined })).toBe(
      '/cases?status=OPEN&status=CLAIMED&page=2',
    );
  });

  it('should throw when a path parameter is missing', () => {
    expect(() => urlOf('/cases/{id}', {})).toThrow('missing path parameter id');
  });
});
