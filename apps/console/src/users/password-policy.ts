import { message } from '../messages';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length, but an unbounded password is a cheap way to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/** A few passwords that meet the length rule and are still guessed first. Lower case, compared case-insensitively. */
const PREDICTABLE = new Set([
  '123456789012',
  '1234567890123',
  'wachtwoord123',
  'wachtwoord1234',
  'password1234',
  'password12345',
  'passwordpassword',
  'meldpunt1234',
  'meldpunt2026',
  'qwertyuiop12',
  'azertyuiop12',
]);

/**
 * Checks a new password the NIST 800-63B way: long enough, not absurdly long, not predictable, not the e-mail
 * address; no composition rules. Returns the Dutch problems, empty when the password is acceptable.
 */
export function passwordProblems(password: string, email?: string): string[] {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push(message('passwordTooShort', { min: PASSWORD_MIN_LENGTH }));
  if (length > PASSWORD_MAX_LENGTH) problems.push(message('passwordTooLong', { max: PASSWORD_MAX_LENGTH }));
  const lower = password.toLowerCase();
  if (PREDICTABLE.has(lower) || new Set(lower).size <= 2) problems.push(message('passwordTooSimple'));
  const localPart = email?.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 4 && lower.includes(localPart)) problems.push(message('passwordContainsEmail'));
  return problems;
}
