import type { Disease } from '@meldpunt/contracts';

/**
 * The contract between the letter templates (templates/) and the sending pipeline (letters/): what a message
 * needs rendered, and what comes back. Dates are ISO `YYYY-MM-DD` (Europe/Brussels), instants ISO with offset.
 */

/** Letter kinds communication knows (risk-assessment's `letterKind` is `<disease>-<kind>`, e.g. `measles-high-risk`). */
export const LETTER_KINDS = ['high-risk', 'low-risk', 'school-notice', 'information', 'staff-page'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Languages with their own templates; any other language falls back to Dutch (and is flagged). */
export const LETTER_LANGUAGES = ['nl', 'fr', 'de', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'uk'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export interface MeasureForLetter {
  readonly kind:
    'quarantine' | 'exclusion' | 'test' | 'chemoprophylaxis' | 'vaccination-proposal' | 'watch-symptoms';
  readonly from: string | null;
  readonly until: string | null;
  readonly returnToSchool: string | null;
  readonly earlyReturnToSchool: string | null;
  readonly onDate: string | null;
  readonly deadline: string | null;
}

/** One child of the guardian the letter is about (a guardian with two affected children gets ONE letter). */
export interface ChildForLetter {
  readonly firstName: string;
  readonly lastName: string;
  readonly measures: readonly MeasureForLetter[];
  /** Set on a re-send (a new decision version): what changed for this child, in plain words per language. */
  readonly changed: boolean;
}

/** A class concerned by a school notice (the school gets classes and measures, never names). */
export interface ClassForLetter {
  readonly name: string;
  readonly measures: readonly MeasureForLetter[];
  readonly changed?: boolean;
}

export interface LetterInput {
  readonly kind: LetterKind;
  readonly disease: Disease;
  /** The guardian's language (ISO 639-1); unknown ones fall back to Dutch. */
  readonly language: string;
  readonly guardianName: string;
  readonly schoolName: string;
  readonly clbName: string;
  readonly children: readonly ChildForLetter[];
  /** A re-send after a new decision version. */
  readonly isUpdate: boolean;
  /** Link to the full letter online (for SMS). */
  readonly letterUrl: string;
  /** A stable id for the letter (used for the .ics UID and the PDF's metadata). */
  readonly letterId: string;
  /** School notice only: the classes concerned (rendered instead of `children`, which it should leave empty). */
  readonly classes?: readonly ClassForLetter[];
  /** When the letter was issued (ISO instant): the `.ics` DTSTAMP and the PDF's date. Defaults to now. */
  readonly issuedAt?: string;
}

export interface RenderedAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface RenderedSms {
  readonly body: string;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
}

export interface RenderedLetter {
  /** The language actually used (`nl` after a fallback). */
  readonly language: LetterLanguage;
  /** True when the requested language had no template and Dutch was used: admins are told. */
  readonly fellBack: boolean;
  /** `rtl` for Arabic. */
  readonly direction: 'ltr' | 'rtl';
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly sms: RenderedSms;
  /** The PDF letter and the `.ics` with the key dates (email only). */
  readonly attachments: readonly RenderedAttachment[];
}

export interface RenderOptions {
  /**
   * false: no PDF and no `.ics` (`attachments` is empty): an SMS uses neither, and the PDF is most of a letter's
   * rendering time. True unless told.
   */
  readonly attachments?: boolean;
}

/** Implemented in templates/ (LetterRenderer); the pipeline depends only on this. */
export interface LetterRendering {
  render(input: LetterInput, options?: RenderOptions): Promise<RenderedLetter>;
}

export const LETTER_RENDERING = Symbol('LETTER_RENDERING');
