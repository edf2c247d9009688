import type { INestApplication } from '@nestjs/common';

export interface RouteInfo {
  readonly method: string;
  readonly path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every HTTP route the app serves (Express), for tests that prove each one is protected. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const instance = app.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const stack = instance.router?.stack ?? instance._router?.stack ?? [];
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => ({
          method: method.toUpperCase(),
          path: layer.route?.path ?? '',
        }))
      : [],
  );
}
