import { randomUUID } from 'node:crypto';
import { CONTRACTS, TOPICS } from '@meldpunt/contracts';
import type { DecidedContact } from './domain/case-types';
import { lettersAccountedFor, meldingsProgressed } from './melding-progress';

function decided(contactRef: string, letterKind: string | null, changed: boolean): DecidedContact {
  return { contactRef, contactKind: 'pupil', risk: 'high', measures: [], letterKind, changed };
}

describe('melding progress', () => {
  const [anna, bert, cas] = [randomUUID(), randomUUID(), randomUUID()];

  it('counts letters as sent only when every contact this version writes to has a status', () => {
    const contacts = [
      decided(anna, 'high-risk', true),
      decided(bert, 'high-risk', true),
      decided(cas, null, true),
    ];
    expect(lettersAccountedFor(contacts, new Set([anna]))).toBe(false);
    expect(lettersAccountedFor(contacts, new Set([anna, bert]))).toBe(true);
  });

  it('ignores unchanged contacts (no new letter) and never calls a decision without letters "sent"', () => {
    expect(
      lettersAccountedFor(
        [decided(anna, 'high-risk', false), decided(bert, 'low-risk', true)],
        new Set([bert]),
      ),
    ).toBe(true);
    expect(lettersAccountedFor([decided(anna, null, true)], new Set([anna]))).toBe(false);
    expect(lettersAccountedFor([], new Set())).toBe(false);
  });

  it('makes one valid, school-keyed event per melding of the case', () => {
    const caseId = randomUUID();
    const meldingen = [
      { meldingId: randomUUID(), schoolId: randomUUID() },
      { meldingId: randomUUID(), schoolId: randomUUID() },
    ];
    const at = new Date('2026-11-25T09:00:00.000Z');
    const events = meldingsProgressed(
      meldingen,
      { caseId, stage: 'measures-decided', decisionVersion: 2, at },
      { correlationId: randomUUID() },
    );
    expect(events).toHaveLength(2);
    for (const [index, event] of events.entries()) {
      expect(event.type).toBe(TOPICS.RISK_MELDING_PROGRESSED);
      const payload = CONTRACTS[TOPICS.RISK_MELDING_PROGRESSED].schema.parse(event.payload);
      expect(payload).toEqual({
        meldingId: meldingen[index]?.meldingId,
        schoolId: meldingen[index]?.schoolId,
        caseId,
        stage: 'measures-decided',
        decisionVersion: 2,
        at: at.toISOString(),
      });
    }
  });
});
