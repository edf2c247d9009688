import { lettersOf, newRunId } from './run-id';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy result', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? calls : false), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('returns 0 and empty strings (only false/null/undefined mean "not yet")', async () => {
    await expect(waitFor(() => 0)).resolves.toBe(0);
  });

  it('names what it waited for and the last error on timeout', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('table missing');
        },
        { timeoutMs: 30, intervalMs: 5, description: '3 rows in effect' },
      ),
    ).rejects.toThrow(
      /Timed out after 30 ms waiting for 3 rows in effect \(last result: Error: table missing\)/,
    );
  });
});

describe('run ids', () => {
  it('uses only lowercase letters', () => {
    expect(newRunId()).toMatch(/^[a-z]{10}$/);
    expect([0, 25, 26, 27, 701].map(lettersOf)).toEqual(['a', 'z', 'ba', 'bb', 'baz']);
  });
});
