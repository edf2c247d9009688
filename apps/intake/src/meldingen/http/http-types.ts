/**
 * The parts of Express's request and response the meldingen routes use, typed structurally (as libs/auth and the
 * console do): the app depends on @nestjs/platform-express, not on express directly.
 */
export interface HttpRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>> & { authorization?: string };
  /** The matching type when the body has one of `types` (Express's `req.is`), else false or null. */
  is(...types: string[]): string | false | null;
}

export interface HttpResponse {
  readonly headersSent: boolean;
  status(code: number): this;
  setHeader(name: string, value: string): this;
  json(body: unknown): this;
}
