import { Injectable } from '@nestjs/common';
import { RedisClient } from '@meldpunt/platform';
import { ServiceUnavailableError } from './meldingen.errors';
import { WebhookReplayStore } from './webhook-signature';

const PREFIX = 'intake:webhook-signature:';

/** Seen webhook signatures in Redis (SET NX EX), shared by every intake instance. */
@Injectable()
export class RedisWebhookReplayStore extends WebhookReplayStore {
  constructor(private readonly redis: RedisClient) {
    super();
  }

  async claim(digest: string, ttlSeconds: number): Promise<boolean> {
    try {
      return (await this.redis.connection.set(`${PREFIX}${digest}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    } catch (error) {
      throw new ServiceUnavailableError('redis', 30, error);
    }
  }

  async release(digest: string): Promise<void> {
    await this.redis.connection.del(`${PREFIX}${digest}`).catch(() => undefined);
  }
}
