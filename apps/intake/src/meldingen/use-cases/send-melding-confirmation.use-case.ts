import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SchoolLookup } from '../../credentials/school-lookup';
import { brusselsDate } from '../calendar-date';
import { Clock } from '../clock';
import { Mailer } from '../mailer';
import { MeldingRepository } from '../melding.repository';
import { CONFIRMATION_MAIL } from '../meldingen.messages';

export type ConfirmationResult = 'sent' | 'already-sent' | 'no-address' | 'not-found';

/**
 * Sends the confirmation e-mail of a melding to the school's contact person, once: the melding row is locked
 * while sending and `confirmation_sent_at` is set in the same transaction, so a duplicate or redelivered job
 * finds it set and sends nothing. (If the commit itself fails after the SMTP server accepted the mail, the
 * retry sends it again: at-least-once, the best SMTP allows.)
 */
@Injectable()
export class SendMeldingConfirmationUseCase {
  private readonly logger = new Logger('MeldingConfirmation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly meldingen: MeldingRepository,
    private readonly schools: SchoolLookup,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(meldingId: string): Promise<ConfirmationResult> {
    return this.dataSource.transaction(async (manager) => {
      const melding = await this.meldingen.lockById(manager, meldingId);
      if (!melding) return 'not-found';
      if (melding.confirmationSentAt !== null) return 'already-sent';
      if (!melding.contactEmail) return 'no-address';
      const school = await this.schools.findById(melding.schoolId);
      await this.mailer.send({
        to: melding.contactEmail,
        subject: CONFIRMATION_MAIL.subject(melding.reference),
        text: CONFIRMATION_MAIL.text({
          contactName: melding.contactName,
          reference: melding.reference,
          schoolName: school?.name ?? 'uw school',
          disease: melding.disease,
          receivedOn: brusselsDate(melding.createdAt).split('-').reverse().join('/'),
          channel: melding.channel,
        }),
      });
      await this.meldingen.markConfirmationSent(manager, melding.id, this.clock.now());
      this.logger.log(`confirmation of ${melding.reference} sent`);
      return 'sent';
    });
  }
}
