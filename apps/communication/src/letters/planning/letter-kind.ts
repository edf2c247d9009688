import { LETTER_KINDS, type LetterKind } from '../../templates/letter-renderer.types';

/**
 * risk-assessment names a letter `<disease>-<kind>` (`measles-high-risk`); the templates know the kind. Null when
 * the name does not end in a kind communication has templates for.
 */
export function letterKindOf(letterKind: string): LetterKind | null {
  // Longest first, so `high-risk` is not mistaken for a shorter kind that is its suffix.
  const kinds = [...LETTER_KINDS].sort((a, b) => b.length - a.length);
  const known = kinds.find((kind) => letterKind === kind || letterKind.endsWith(`-${kind}`));
  if (known) return known;
  const alias = Object.entries(ALIASES).find(([suffix]) => letterKind.endsWith(`-${suffix}`));
  return alias ? alias[1] : null;
}

/** Letter names the example protocols use for which the information letter is the template. */
const ALIASES: Readonly<Record<string, LetterKind>> = {
  // scarlet fever: from 3 cases in a class, every parent of the class is informed.
  cluster: 'information',
};

/** When one letter covers children with different kinds, it is the most pressing one (high risk first). */
const PRECEDENCE: readonly LetterKind[] = [
  'high-risk',
  'low-risk',
  'information',
  'school-notice',
  'staff-page',
];

export function mostPressing(kinds: readonly LetterKind[]): LetterKind {
  return [...kinds].sort((a, b) => PRECEDENCE.indexOf(a) - PRECEDENCE.indexOf(b))[0] ?? 'information';
}
