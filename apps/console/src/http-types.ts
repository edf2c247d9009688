/**
 * The parts of Express's request and response the console uses, typed structurally (as libs/auth does): the app
 * depends on @nestjs/platform-express, not on express directly.
 */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly originalUrl: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by cookie-parser. */
  readonly cookies?: Readonly<Record<string, unknown>>;
  /** Client IP (honours X-Forwarded-For only with TRUST_PROXY). */
  readonly ip?: string | undefined;
  /** A Buffer on proxy routes, parsed JSON on the console's own routes, undefined without a body. */
  readonly body?: unknown;
  get(name: string): string | undefined;
}

export interface HttpCookieOptions {
  readonly httpOnly?: boolean;
  readonly sameSite?: 'strict' | 'lax' | 'none';
  readonly secure?: boolean;
  readonly path?: string;
  readonly maxAge?: number;
}

export interface HttpResponse {
  status(code: number): this;
  setHeader(name: string, value: string): this;
  cookie(name: string, value: string, options: HttpCookieOptions): this;
  clearCookie(name: string, options: HttpCookieOptions): this;
  json(body: unknown): this;
  end(body?: Buffer | string): this;
  sendFile(path: string): void;
}

/** A response the console writes piece by piece (a server-sent event stream passed through from a service). */
export interface HttpStreamResponse extends HttpResponse {
  write(chunk: Uint8Array): boolean;
  flushHeaders(): void;
  once(event: 'drain' | 'close', listener: () => void): this;
  off(event: 'drain' | 'close', listener: () => void): this;
  /** The connection to the browser is gone (closed or destroyed). */
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
}

export type NextFunction = (error?: unknown) => void;
