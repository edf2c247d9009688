import { SERVICE_IDS, type ServiceId } from '../status/platform-service';

/** Where the page reaches a service: `/api/<service>/<path>` → `<service URL>/<path>`. */
export const PROXY_PREFIX = '/api/';

export const JSON_BODY_LIMIT = '1mb';
export const CSV_BODY_LIMIT = '50mb';

/** The service a console URL addresses, or null when it is not a proxy URL. */
export function proxiedService(url: string): ServiceId | null {
  if (!url.startsWith(PROXY_PREFIX)) return null;
  const rest = url.slice(PROXY_PREFIX.length);
  return SERVICE_IDS.find((service) => rest.startsWith(`${service}/`)) ?? null;
}

/**
 * The path and query to call on the service for a console URL (`/api/intake/v1/x?y=1` → `/v1/x?y=1`), or null
 * when the path tries to step outside (`..`, `.`, encoded slashes or dots, backslashes) or is not a proxy URL.
 */
export function servicePathOf(url: string): string | null {
  const service = proxiedService(url);
  if (!service) return null;
  const target = url.slice(PROXY_PREFIX.length + service.length);
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (!path.startsWith('/') || path.includes('\\') || /%(2f|5c|2e)/i.test(path)) return null;
  const segments = path.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..' || segment === '')) return null;
  return target;
}

export type BodyKind = 'json' | 'csv';

/** What a request body is by its Content-Type (JSON or CSV), or null for anything else. */
export function bodyKindOf(contentType: string | undefined): BodyKind | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return 'json';
  if (type === 'text/csv') return 'csv';
  return null;
}
