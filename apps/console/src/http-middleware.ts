import type { HttpRequest as Request, HttpResponse as Response, NextFunction } from './http-types';
import { SESSION_COOKIE } from './auth/session-cookie';
import { message } from './messages';
import { bodyKindOf, proxiedService } from './proxy/proxy-request';

/**
 * Same policy as the page's <meta> CSP, plus what only a header can say (frame-ancestors). Scripts only from this
 * origin; inline styles are allowed for the letter preview (/sjablonen shows the real e-mail HTML, whose styles are
 * inline, in a sandboxed srcdoc frame that inherits this policy). The page itself never builds HTML from strings.
 */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";

/** Security headers on every response; /docs (Swagger UI, development aid) keeps its own script needs. */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (!request.path.startsWith('/docs')) response.setHeader('Content-Security-Policy', CSP);
  if (request.path.startsWith('/api/') || request.path.startsWith('/auth/')) {
    response.setHeader('Cache-Control', 'no-store');
  }
  next();
}

/**
 * Refuses a proxy call without a session cookie before its body (up to 50 MB) is read. The session guard checks
 * the cookie properly afterwards; this only stops anonymous uploads from costing memory.
 */
export function requireCookieBeforeUpload(request: Request, response: Response, next: NextFunction): void {
  const cookies = request.cookies;
  if (proxiedService(request.path) && typeof cookies?.[SESSION_COOKIE] !== 'string') {
    response.status(401).json({ statusCode: 401, message: message('loginRequired') });
    return;
  }
  next();
}

/** Body-parser `type` tests: proxy bodies stay raw bytes (JSON ≤ 1 MB, CSV ≤ 50 MB), the console's own are JSON. */
export const isProxyJson = (request: Request): boolean =>
  proxiedService(request.path) !== null && bodyKindOf(request.get('content-type')) === 'json';
export const isProxyCsv = (request: Request): boolean =>
  proxiedService(request.path) !== null && bodyKindOf(request.get('content-type')) === 'csv';
export const isOwnJson = (request: Request): boolean =>
  proxiedService(request.path) === null && bodyKindOf(request.get('content-type')) === 'json';

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
}

/** Body-parser failures (too large, malformed JSON) as the console's JSON errors, in Dutch. */
export function bodyErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const failure = error as BodyParserError | null;
  if (typeof failure?.type !== 'string' || typeof failure.status !== 'number') {
    next(error);
    return;
  }
  const status = failure.status;
  const text =
    failure.type === 'entity.too.large'
      ? message('payloadTooLarge', {
          limit: typeof failure.limit === 'number' ? megabytes(failure.limit) : '',
        })
      : message('malformedBody');
  response.status(status).json({ statusCode: status, message: text });
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
