import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { WebhookReplayStore } from '../webhook-signature';
import type { MeldingenRequest } from './meldingen-request';

/**
 * When a signed webhook call fails after its signature was claimed (invalid body, database down …), forgets the
 * signature again, so the school may retry the very same signed request while its timestamp is fresh.
 */
@Injectable()
export class ReleaseWebhookSignatureInterceptor implements NestInterceptor {
  constructor(private readonly replays: WebhookReplayStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<MeldingenRequest>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const digest = request.webhookDigest;
        if (!digest) return throwError(() => error);
        return from(this.replays.release(digest)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
