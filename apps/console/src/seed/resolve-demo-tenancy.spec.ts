import { findDemoSchool } from './resolve-demo-tenancy';

const SCHOOL = '33333333-3333-4333-8333-333333333333';
const CLB = '11111111-1111-4111-8111-111111111111';

describe('findDemoSchool', () => {
  it.each([
    ['a bare array', [{ id: SCHOOL, clbId: CLB, name: 'Basisschool De Regenboog' }]],
    ['{ items }', { items: [{ id: SCHOOL, clbId: CLB, name: 'Basisschool De Regenboog' }] }],
    [
      '{ schools } with schoolId and a nested clb',
      { schools: [{ schoolId: SCHOOL, clb: { id: CLB }, name: 'Basisschool De Regenboog' }] },
    ],
  ])('finds the demo school in %s', (_shape, body) => {
    expect(findDemoSchool(body)).toEqual({ schoolId: SCHOOL, clbId: CLB });
  });

  it('is null when the school is missing or its ids are not UUIDs', () => {
    expect(findDemoSchool({ items: [{ id: SCHOOL, clbId: CLB, name: 'Andere school' }] })).toBeNull();
    expect(findDemoSchool([{ id: 'x', clbId: CLB, name: 'Basisschool De Regenboog' }])).toBeNull();
    expect(findDemoSchool(null)).toBeNull();
  });
});
