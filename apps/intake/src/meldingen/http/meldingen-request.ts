import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@meldpunt/auth';
import type { HttpRequest } from './http-types';
import type { MeldingCaller } from '../melding-caller';

/** An HTTP request on the meldingen routes, as the guards leave it. */
export interface MeldingenRequest extends HttpRequest {
  principal?: Principal;
  caller?: MeldingCaller;
  /** The exact bytes received (NestFactory.create(…, { rawBody: true })). */
  rawBody?: Buffer;
  /** Parsed JSON (body-parser), undefined without a body. */
  body?: unknown;
  /** Signature digest claimed by WebhookSignatureGuard (released again if the request fails). */
  webhookDigest?: string;
}

/** The authenticated caller (console user, API key or signed webhook) set by the meldingen guards. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MeldingCaller => {
    const caller = context.switchToHttp().getRequest<MeldingenRequest>().caller;
    if (!caller) throw new Error('No caller on the request: is the route guarded by a meldingen guard?');
    return caller;
  },
);
