import { jsonDepth, MAX_JSON_DEPTH, rejectDeepJson } from './json-depth';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('JSON depth', () => {
  it('counts nesting of objects and arrays', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
  });

  it('handles 100,000 levels without overflowing the stack', () => {
    expect(jsonDepth(nested(100_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('answers 400 with a field error for a too-deep body and passes ordinary ones on', () => {
    const sent: unknown[] = [];
    const response = {
      status: (code: number) => ({ json: (body: unknown) => void sent.push({ code, body }) }),
    };
    let passed = 0;
    rejectDeepJson({ body: nested(MAX_JSON_DEPTH + 1) }, response, () => passed++);
    rejectDeepJson({ body: nested(MAX_JSON_DEPTH) }, response, () => passed++);
    expect(passed).toBe(1);
    expect(sent).toEqual([expect.objectContaining({ code: 400 })]);
  });
});
