export type CampaignsErrorKind = 'not-found' | 'conflict' | 'forbidden' | 'invalid';

/**
 * A refusal the campaign routes explain to the user (Dutch); CampaignsExceptionFilter maps it to 404 / 409 / 403,
 * or to a 400 naming the field (`invalid`, in the same shape as the validation pipe's field errors).
 */
export class CampaignsError extends Error {
  constructor(
    readonly kind: CampaignsErrorKind,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'CampaignsError';
  }
}
