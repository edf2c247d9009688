/** The form in which e-mail addresses are stored and looked up: trimmed and lower case (unique regardless of case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
