import { diffJson } from './protocol-diff';

describe('diffJson', () => {
  it('names changed, added and removed fields by path', () => {
    expect(
      diffJson(
        { title: 'Mazelen', rules: [{ days: 18, note: 'x' }], example: true },
        { title: 'Mazelen', rules: [{ days: 21 }, { days: 5 }], example: false, warning: null },
      ),
    ).toEqual([
      { path: 'example', before: true, after: false },
      { path: 'rules[0].days', before: 18, after: 21 },
      { path: 'rules[0].note', before: 'x' },
      { path: 'rules[1]', after: { days: 5 } },
      { path: 'warning', after: null },
    ]);
  });

  it('finds nothing between equal values and shortens long values', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    const [change] = diffJson({ source: 'kort' }, { source: 'x'.repeat(1000) });
    const after = change?.after;
    if (typeof after !== 'string') throw new Error('expected a shortened JSON excerpt');
    expect(after).toHaveLength(301);
    expect(after.endsWith('…')).toBe(true);
  });
});
