import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { PermanentDeliveryError, ProviderRateLimitedError } from './delivery-errors';
import { HttpSmsProvider, retryAfterMs } from './sms-provider';

describe('HttpSmsProvider', () => {
  let server: Server;
  let url: string;
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        answer(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    url = `http://127.0.0.1:${address.port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    answer = (_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
  };
  const sms = { to: '+32470123456', body: 'Beste ouder', reference: 'letter-1' };

  it('posts the message with the API key and returns the provider id', async () => {
    respond(202, { id: 'p-1', status: 'queued' });
    await expect(new HttpSmsProvider(url, 'secret').send(sms)).resolves.toEqual({ providerMessageId: 'p-1' });
    const last = received.at(-1);
    expect(last?.headers.authorization).toBe('Bearer secret');
    expect(JSON.parse(last?.body ?? '{}')).toEqual(sms);
  });

  it('turns 429 into a rate-limit pause (Retry-After honoured), 4xx into a permanent refusal, 5xx into a retry', async () => {
    respond(429, { error: 'slow down' }, { 'retry-after': '3' });
    const limited = new HttpSmsProvider(url, null).send(sms);
    await expect(limited).rejects.toBeInstanceOf(ProviderRateLimitedError);
    await expect(limited).rejects.toMatchObject({ retryAfterMs: 3_000 });
    respond(400, { error: 'validation_failed' });
    await expect(new HttpSmsProvider(url, null).send(sms)).rejects.toBeInstanceOf(PermanentDeliveryError);
    respond(503, { error: 'down' });
    const transient = new HttpSmsProvider(url, null).send(sms);
    await expect(transient).rejects.toThrow(/SMS provider error 503/);
    await expect(transient).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs(null)).toBe(1_000);
    expect(retryAfterMs('2')).toBe(2_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 5_000)).toBe(5_000);
  });
});
