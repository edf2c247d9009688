import { Injectable, type PipeTransform } from '@nestjs/common';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_MESSAGES } from '../campaigns.messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A campaign id must be a UUID; anything else is answered like an unknown one: 404. */
@Injectable()
export class CampaignIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new CampaignsError('not-found', CAMPAIGN_MESSAGES.notFound);
    return value.toLowerCase();
  }
}
