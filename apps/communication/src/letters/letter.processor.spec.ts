import { RateLimitError, type Job, type Worker } from 'bullmq';
import type { ServiceConfig } from '@meldpunt/config';
import { ProviderRateLimitedError } from './channels/delivery-errors';
import type { LetterJob } from './letter-queues';
import { LetterProcessor } from './letter.processor';
import { LettersConfig } from './letters.config';
import type { SendLetterUseCase, SendResult } from './use-cases/send-letter.use-case';

const MESSAGE = '00000000-0000-4000-8000-000000000001';
const config = new LettersConfig({ smtpUrl: 'smtp://x', mailFrom: 'x@y', smsProviderUrl: 'http://x' });

function job(attemptsMade: number, attempts = 3): Job<LetterJob> {
  return {
    id: 'j',
    data: { messageId: MESSAGE },
    attemptsMade,
    opts: { attempts },
  } as unknown as Job<LetterJob>;
}

describe('LetterProcessor', () => {
  const calls: { final: boolean }[] = [];
  let outcome: () => Promise<SendResult>;
  const sendLetter = {
    execute: (_id: string, attempt: { final: boolean }) => {
      calls.push(attempt);
      return outcome();
    },
  } as unknown as SendLetterUseCase;
  const processor = new LetterProcessor({} as ServiceConfig, config, sendLetter);
  const rateLimit = jest.fn(() => Promise.resolve());
  const worker = { rateLimit } as unknown as Worker<LetterJob, SendResult>;

  beforeEach(() => {
    calls.length = 0;
    rateLimit.mockClear();
  });

  it('tells the use-case when the attempt is the last one', async () => {
    outcome = () => Promise.resolve('sent');
    await processor.process('email', job(0), worker);
    await processor.process('email', job(2), worker);
    expect(calls).toEqual([{ final: false }, { final: true }]);
  });

  it('pauses the queue on a provider 429 instead of failing the attempt', async () => {
    outcome = () => Promise.reject(new ProviderRateLimitedError(2_500));
    await expect(processor.process('sms', job(0), worker)).rejects.toBeInstanceOf(RateLimitError);
    expect(rateLimit).toHaveBeenCalledWith(2_500);
  });

  it('lets other errors fail the attempt (BullMQ retries with backoff)', async () => {
    outcome = () => Promise.reject(new Error('connection reset'));
    await expect(processor.process('email', job(0), worker)).rejects.toThrow('connection reset');
    expect(rateLimit).not.toHaveBeenCalled();
  });

  it('refuses a job without a message id', async () => {
    const bad = { ...job(0), data: { messageId: 'nope' } } as unknown as Job<LetterJob>;
    await expect(processor.process('email', bad, worker)).rejects.toThrow(/invalid email letter job/);
  });
});
