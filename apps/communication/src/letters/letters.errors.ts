export type LettersErrorKind = 'not-found' | 'conflict';

/** A refusal the dead-letter routes explain to the user (Dutch); LettersExceptionFilter maps it to 404 / 409. */
export class LettersError extends Error {
  constructor(
    readonly kind: LettersErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LettersError';
  }
}
