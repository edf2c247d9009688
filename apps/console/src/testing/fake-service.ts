import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTokenVerifier, TokenError, type Principal } from '@meldpunt/auth';

/** One request to a fake service, read and authenticated the way the real services do. */
export interface FakeCall {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  /** The raw body (UTF-8). */
  readonly body: string;
  /** The principal of a valid console token for this service; null without one (or with a bad one). */
  readonly principal: Principal | null;
}

/**
 * What the console's fake services share: an HTTP server on a random port of 127.0.0.1 that reads each request's
 * body and verifies its console token (Ed25519, this service as audience) before `serve` answers it.
 */
export abstract class FakeService {
  url = '';
  private server: Server | null = null;
  private readonly verifier: ServiceTokenVerifier;

  protected constructor(publicKey: string, audience: string) {
    this.verifier = new ServiceTokenVerifier(publicKey, audience);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Starts listening; resolves with the fake once it answers at `url`. */
  protected async listen(): Promise<this> {
    const server = createServer((request, response) => void this.accept(request, response));
    this.server = server;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  protected abstract serve(call: FakeCall): Promise<void>;

  private async accept(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let principal: Principal | null = null;
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    try {
      principal = bearer?.[1] ? this.verifier.verify(bearer[1]) : null;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
    }
    await this.serve({
      request,
      response,
      url: new URL(request.url ?? '/', 'http://fake'),
      body: Buffer.concat(chunks).toString('utf8'),
      principal,
    });
  }
}
