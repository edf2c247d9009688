import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { CONTACT_CHANNELS, type ContactChannel } from '@meldpunt/contracts';
import { DELIVERY_REPORT_MESSAGES } from '../delivery-reports.messages';

/** `:channel` is `email` or `sms` (a field-level 400 otherwise). */
@Injectable()
export class ChannelParamPipe implements PipeTransform<string, ContactChannel> {
  transform(value: string): ContactChannel {
    const channel = CONTACT_CHANNELS.find((known) => known === value);
    if (channel) return channel;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: DELIVERY_REPORT_MESSAGES.channel,
      fields: [{ field: 'channel', messages: [DELIVERY_REPORT_MESSAGES.channel] }],
    });
  }
}
