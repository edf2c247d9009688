import { contactLetterState } from './case-view';
import type { DecidedContact } from './domain/case-types';
import { CaseDecision } from './entities/case-decision.entity';
import { LetterStatusRecord, NO_GUARDIAN } from './entities/letter-status.entity';

const decided = (ref: string, changed: boolean, letterKind: string | null = 'x-high'): DecidedContact => ({
  contactRef: ref,
  contactKind: 'pupil',
  risk: letterKind ? 'high' : 'none',
  measures: [],
  letterKind,
  changed,
});
const decision = (version: number, contacts: DecidedContact[]) =>
  Object.assign(new CaseDecision(), {
    caseId: 'c',
    version,
    decidedAt: new Date(),
    decidedBy: 'd',
    eventId: 'e',
    contacts,
    withdrawnContactRefs: [],
  });
const letter = (version: number, ref: string, status: LetterStatusRecord['status'], guardian = NO_GUARDIAN) =>
  Object.assign(new LetterStatusRecord(), {
    caseId: 'c',
    decisionVersion: version,
    contactRef: ref,
    guardianRef: guardian,
    status,
    channel: null,
    at: new Date(),
  });

describe('contactLetterState', () => {
  it('is none before any decision and for a decision without a letter', () => {
    expect(contactLetterState('a', [], [])).toBe('none');
    expect(contactLetterState('a', [decision(1, [decided('a', true, null)])], [])).toBe('none');
  });

  it('is pending until communication reports, then delivered if any guardian got it', () => {
    const decisions = [decision(1, [decided('a', true)])];
    expect(contactLetterState('a', decisions, [])).toBe('pending');
    expect(
      contactLetterState('a', decisions, [letter(1, 'a', 'failed', 'g1'), letter(1, 'a', 'delivered', 'g2')]),
    ).toBe('delivered');
    expect(
      contactLetterState('a', decisions, [
        letter(1, 'a', 'unreachable', 'g1'),
        letter(1, 'a', 'failed', 'g2'),
      ]),
    ).toBe('failed');
    expect(contactLetterState('a', decisions, [letter(1, 'a', 'unreachable')])).toBe('unreachable');
  });

  it('follows the letter of the version that last changed the contact', () => {
    const unchangedLater = [decision(1, [decided('a', true)]), decision(2, [decided('a', false)])];
    expect(contactLetterState('a', unchangedLater, [letter(1, 'a', 'delivered')])).toBe('delivered');
    const changedLater = [decision(1, [decided('a', true)]), decision(2, [decided('a', true)])];
    expect(contactLetterState('a', changedLater, [letter(1, 'a', 'delivered')])).toBe('pending');
  });
});
