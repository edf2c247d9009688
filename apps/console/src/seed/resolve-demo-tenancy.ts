import type { Principal } from '@meldpunt/auth';
import type { ServiceClient } from '../proxy/service-client';
import { DEMO_SCHOOL_NAME } from './demo-users';
import type { DemoTenancy } from './seed-demo-users.use-case';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list inside a response body: the body itself, or its first array among `keys`, `items`, `data`. */
export function listIn(body: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null) {
    for (const key of [...keys, 'items', 'data']) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [];
}

/** The demo school's id and its CLB's id in a GET /v1/schools answer, or null when it is not there. */
export function findDemoSchool(body: unknown): DemoTenancy | null {
  for (const item of listIn(body, 'schools')) {
    if (typeof item !== 'object' || item === null) continue;
    const school = item as Record<string, unknown>;
    if (school.name !== DEMO_SCHOOL_NAME) continue;
    const schoolId = school.id ?? school.schoolId;
    const clb = school.clb as Record<string, unknown> | undefined;
    const clbId = school.clbId ?? clb?.id;
    if (
      typeof schoolId === 'string' &&
      UUID.test(schoolId) &&
      typeof clbId === 'string' &&
      UUID.test(clbId)
    ) {
      return { schoolId, clbId };
    }
  }
  return null;
}

export interface ResolveOptions {
  /** How long to wait for intake to answer (it may still be starting). */
  readonly timeoutMs: number;
  readonly intervalMs?: number;
}

/**
 * Asks intake (`GET /v1/schools`, as the demo admin) for the demo school until it answers with it, so the seed can
 * run while the stack is still starting. Fails with what it last saw.
 */
export async function resolveDemoTenancyFromIntake(
  client: ServiceClient,
  admin: Principal,
  options: ResolveOptions,
): Promise<DemoTenancy> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const answer = await client.json('intake', admin, 'GET', '/v1/schools');
      if (answer.status === 200) {
        const found = findDemoSchool(answer.body);
        if (found) return found;
        last = `intake has no school named "${DEMO_SCHOOL_NAME}" (is intake seeded?)`;
      } else {
        last = `GET /v1/schools answered ${answer.status}`;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(`could not find the demo school in intake within ${options.timeoutMs} ms: ${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}
