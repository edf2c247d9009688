import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { Principal } from '@meldpunt/auth';
import { LetterMailer } from '../../../letters/channels/mailer';
import { SmsProvider } from '../../../letters/channels/sms-provider';
import { fieldErrors, TemplateAdminError } from '../template-admin.errors';
import { TEMPLATE_ADMIN_MESSAGES as M } from '../template-admin.messages';
import { TEST_SEND_WINDOW_MINUTES, TEST_SENDS_PER_WINDOW, TestSendLimiter } from '../test-send-limiter';
import { PreviewTemplateUseCase, type SampleLetterRequest } from './preview-template.use-case';

const E164 = /^\+[1-9]\d{7,14}$/;

export interface TestSendResult {
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly reference: string;
}

/**
 * Sends the sample letter (current texts) to an admin's own address through the real channel adapters, straight
 * away (not through the parents' queues, no letter rows, no delivery events), marked as a test.
 */
@Injectable()
export class TestSendTemplateUseCase {
  private readonly logger = new Logger(TestSendTemplateUseCase.name);

  constructor(
    private readonly preview: PreviewTemplateUseCase,
    private readonly mailer: LetterMailer,
    private readonly sms: SmsProvider,
    private readonly limiter: TestSendLimiter,
  ) {}

  async execute(
    principal: Principal,
    request: SampleLetterRequest & { to: string },
  ): Promise<TestSendResult> {
    const to = request.to.trim();
    if (request.channel === 'email' ? !isEmail(to) : !E164.test(to))
      throw fieldErrors([
        { field: 'to', messages: [`to ${request.channel === 'email' ? M.email : M.mobile}`] },
      ]);
    if (!this.limiter.tryTake(principal.userId))
      throw new TemplateAdminError(
        'rate-limited',
        M.rateLimited(TEST_SENDS_PER_WINDOW, TEST_SEND_WINDOW_MINUTES),
      );
    const id = `test-${randomUUID()}`;
    const letter = await this.preview.render(request, {}, id);
    try {
      if (request.channel === 'email') {
        const subject = `${M.testMark} ${letter.subject}`;
        await this.mailer.send({
          to,
          subject,
          html: letter.html,
          text: `${M.testMark}\n\n${letter.text}`,
          messageId: `<${id}@meldpunt.be>`,
          language: letter.language,
          attachments: letter.attachments,
        });
        this.logger.log(
          `test e-mail ${id} (${request.kind}, ${request.language}) sent by ${principal.userId}`,
        );
        return { channel: 'email', to, reference: subject };
      }
      await this.sms.send({ to, body: `${M.testMark} ${letter.sms.body}`, reference: id });
      this.logger.log(`test SMS ${id} (${request.kind}, ${request.language}) sent by ${principal.userId}`);
      return { channel: 'sms', to, reference: id };
    } catch (error) {
      throw new TemplateAdminError('delivery-failed', M.deliveryFailed((error as Error).message));
    }
  }
}
