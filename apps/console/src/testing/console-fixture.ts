import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
// A real console on a throwaway Postgres database, for integration and browser tests.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import type { Role } from '@meldpunt/auth';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { loadConsoleConfig } from '../config';
import { createConsoleApp } from '../create-console-app';
import { migrateConsoleDatabase } from '../database/migrate-console-database';
import { CreateUserUseCase } from '../users/use-cases/create-user.use-case';
import type { UserAccount } from '../users/user-account.entity';

export const TEST_PASSWORD = 'een lang genoeg testwachtwoord';

export interface ConsoleFixture {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly databaseUrl: string;
  createUser(
    email: string,
    role: Role,
    tenancy?: { clbIds?: string[]; schoolIds?: string[] },
    displayName?: string,
  ): Promise<UserAccount>;
  close(): Promise<void>;
}

/**
 * Starts the console in-process on a new database (migrated), listening on a free port. `env` adds or overrides
 * console variables (service URLs, COOKIE_SECURE, …). Pass an existing database URL to share one between apps.
 */
export async function startConsole(
  harness: TestHarness,
  env: Record<string, string> = {},
  databaseUrl?: string,
): Promise<ConsoleFixture> {
  const url = databaseUrl ?? (await harness.createTestDatabase('console'));
  const config = loadConsoleConfig({
    DATABASE_URL: url,
    AUTH_PRIVATE_KEY: TEST_AUTH_KEYS.privateKey,
    DATABASE_POOL_SIZE: '3',
    ...env,
  });
  await migrateConsoleDatabase(config);
  const app = await createConsoleApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    baseUrl,
    databaseUrl: url,
    createUser: (email, role, tenancy = {}, displayName) =>
      app.get(CreateUserUseCase).execute({
        email,
        displayName: displayName ?? email.split('@')[0] ?? email,
        role,
        clbIds: tenancy.clbIds ?? [],
        schoolIds: tenancy.schoolIds ?? [],
        password: TEST_PASSWORD,
      }),
    close: () => app.close(),
  };
}

export interface LoggedIn {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly setCookie: string;
}

/** Logs in through the API; the cookie header to send and the CSRF token. */
export async function logIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<LoggedIn> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`login as ${email}: HTTP ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrfToken, setCookie };
}

/** Debian's Chromium, headless as the brief says (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Logs in through the page's own form and waits until the start page shows `ready` (a heading or a test id). */
export async function logInPage(
  page: Page,
  baseUrl: string,
  email: string,
  ready: { readonly heading: string } | { readonly testId: string },
  password = TEST_PASSWORD,
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await (
    'heading' in ready
      ? page.getByRole('heading', { level: 1, name: ready.heading })
      : page.getByTestId(ready.testId)
  ).waitFor();
}
