import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { smsIntent } from '../opt-out-keywords';
import { OptOutRepository } from '../opt-out.repository';

export interface InboundSms {
  readonly from: string;
  readonly body: string;
  readonly receivedAt: Date;
}

export type InboundSmsAction = 'opted-out' | 'opted-in' | 'ignored';

/**
 * An SMS from a guardian: STOP (and its variants) opts the number out of information campaigns, START opts it back
 * in; anything else is ignored (never stored: it may be personal). The later SMS wins when two arrive out of order.
 */
@Injectable()
export class RecordInboundSmsUseCase {
  private readonly logger = new Logger('InboundSms');

  constructor(
    private readonly dataSource: DataSource,
    private readonly optOuts: OptOutRepository,
  ) {}

  async execute(sms: InboundSms): Promise<InboundSmsAction> {
    const intent = smsIntent(sms.body);
    if (intent === null) return 'ignored';
    const optedOut = intent === 'opt-out';
    await this.dataSource.transaction((manager) =>
      this.optOuts.record(manager, sms.from, optedOut, sms.receivedAt),
    );
    this.logger.log(`a guardian opted ${optedOut ? 'out of' : 'back in to'} information by SMS`);
    return optedOut ? 'opted-out' : 'opted-in';
  }
}
