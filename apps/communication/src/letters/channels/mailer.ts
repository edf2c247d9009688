import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { PermanentDeliveryError } from './delivery-errors';

export interface OutgoingLetterMail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Stable per letter: `<letter id>@meldpunt`, so a duplicate can be recognised downstream. */
  readonly messageId: string;
  readonly language: string;
  readonly attachments: readonly { filename: string; contentType: string; content: Buffer }[];
}

/** Sends letters by e-mail. Injected, so tests can swap it. */
export abstract class LetterMailer {
  /**
   * Resolves when the SMTP server accepted the message, with the id its delivery reports (bounces) will name;
   * PermanentDeliveryError on a 5xx refusal.
   */
  abstract send(mail: OutgoingLetterMail): Promise<{ providerMessageId: string }>;
}

/** LetterMailer over pooled SMTP (the local sink in development, the real relay in production). */
@Injectable()
export class SmtpLetterMailer extends LetterMailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    poolSize: number,
  ) {
    super();
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: poolSize,
      maxMessages: 1_000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingLetterMail): Promise<{ providerMessageId: string }> {
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Content-Language': mail.language },
        attachments: mail.attachments.map((attachment) => ({ ...attachment })),
      })) as { messageId?: unknown };
      // A plain SMTP relay knows the message by its Message-ID (ours, without the angle brackets).
      const id = typeof info.messageId === 'string' && info.messageId ? info.messageId : mail.messageId;
      return { providerMessageId: id.replace(/^<|>$/g, '') };
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600)
        throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
