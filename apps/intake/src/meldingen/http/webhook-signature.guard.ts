import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { SchoolCredentialVerifier } from '../../credentials/school-credential-verifier';
import { SchoolLookup } from '../../credentials/school-lookup';
import { Clock } from '../clock';
import { principalOf } from '../melding-caller';
import { MESSAGES } from '../meldingen.messages';
import {
  checkWebhookTimestamp,
  REPLAY_TTL_SECONDS,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
  WebhookReplayStore,
  type WebhookRejection,
} from '../webhook-signature';
import type { MeldingenRequest } from './meldingen-request';

const REASONS: Readonly<Record<WebhookRejection, string>> = {
  'missing-school': MESSAGES.webhook.missingHeader('X-Meldpunt-School'),
  'missing-timestamp': MESSAGES.webhook.missingHeader('X-Meldpunt-Timestamp'),
  'missing-signature': MESSAGES.webhook.missingHeader('X-Meldpunt-Signature'),
  'bad-timestamp': MESSAGES.webhook.badTimestamp,
  'stale-timestamp': MESSAGES.webhook.staleTimestamp(WEBHOOK_TOLERANCE_SECONDS),
  'unknown-school': MESSAGES.webhook.unknownSchool,
  'bad-signature-format': MESSAGES.webhook.badSignatureFormat,
  'bad-signature': MESSAGES.webhook.badSignature,
  replayed: MESSAGES.webhook.replayed,
};

function refuse(reason: WebhookRejection): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    message: REASONS[reason],
    reason,
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * Authenticates a signed webhook call (@Public() route): X-Meldpunt-School (instellingsnummer or school id),
 * X-Meldpunt-Timestamp (Unix seconds, at most 5 minutes off) and X-Meldpunt-Signature
 * (`sha256=` HMAC-SHA256 over `<timestamp>.<raw body>` with the school's webhook secret). A valid signature is
 * accepted once: the same signed request again within the window is a replay (401).
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(
    private readonly schools: SchoolLookup,
    private readonly credentials: SchoolCredentialVerifier,
    private readonly replays: WebhookReplayStore,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MeldingenRequest>();
    const schoolHeader = single(request.headers[WEBHOOK_HEADERS.school]);
    const timestamp = single(request.headers[WEBHOOK_HEADERS.timestamp]);
    const signature = single(request.headers[WEBHOOK_HEADERS.signature]);
    if (!schoolHeader) throw refuse('missing-school');
    if (!timestamp) throw refuse('missing-timestamp');
    if (!signature) throw refuse('missing-signature');
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const freshness = checkWebhookTimestamp(timestamp, nowSeconds);
    if (freshness !== 'ok') throw refuse(freshness);
    if (!request.is('application/json')) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: MESSAGES.unsupportedMediaType,
      });
    }

    const school = await this.schools.findByIdOrInstellingsnummer(schoolHeader);
    const secrets = school ? await this.credentials.webhookSecretsOf(school.id) : [];
    if (!school || secrets.length === 0) throw refuse('unknown-school');
    const rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
    const check = verifyWebhookSignature({ timestamp, signature, rawBody }, secrets, nowSeconds);
    if (!check.ok) throw refuse(check.reason);
    if (!(await this.replays.claim(check.digest, REPLAY_TTL_SECONDS))) throw refuse('replayed');

    request.webhookDigest = check.digest;
    request.caller = { kind: 'webhook', schoolId: school.id, keyId: check.keyId };
    request.principal = principalOf(request.caller);
    return true;
  }
}
