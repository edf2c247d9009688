import { KafkaAvailability } from './kafka-availability';
import { ServiceUnavailableError } from './meldingen.errors';

describe('KafkaAvailability', () => {
  let now = 0;
  const clock = () => now;

  it('reuses an answer while it is fresh and probes again afterwards', async () => {
    let calls = 0;
    let fail = false;
    const availability = new KafkaAvailability(
      async () => {
        calls += 1;
        if (fail) throw new Error('ECONNREFUSED');
      },
      { up: 1_000, down: 200 },
      clock,
    );
    await expect(availability.isUp()).resolves.toBe(true);
    fail = true;
    now = 999;
    await expect(availability.isUp()).resolves.toBe(true);
    expect(calls).toBe(1);
    now = 1_001;
    await expect(availability.isUp()).resolves.toBe(false);
    await expect(availability.assertUp()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(calls).toBe(2);
    fail = false;
    now = 1_202;
    await expect(availability.isUp()).resolves.toBe(true);
  });

  it('shares one probe between concurrent callers', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const availability = new KafkaAvailability(
      () => {
        calls += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      { up: 1_000, down: 200 },
      clock,
    );
    const answers = Promise.all([availability.isUp(), availability.isUp(), availability.isUp()]);
    release();
    await expect(answers).resolves.toEqual([true, true, true]);
    expect(calls).toBe(1);
  });
});
