import type { Measure, Proposal } from './case-types';
import { decidedMeasureOf, draftDecision, effectiveOf } from './classification';

const quarantine: Measure = {
  kind: 'quarantine',
  from: '2026-03-03',
  until: '2026-03-12',
  returnToSchool: '2026-03-13',
  onDate: null,
  deadline: null,
  description: 'Quarantaine',
};
const rule = { protocolId: 'p', protocolVersion: 1, ruleId: 'r', description: 'regel' };
const high: Proposal = { risk: 'high', measures: [quarantine], letterKind: 'x-high', rule };
const override = (risk: Proposal['risk']) => ({
  risk,
  reason: 'reden',
  by: 'dokter',
  at: '2026-03-03T10:00:00Z',
});

describe('effectiveOf', () => {
  it('is the proposal without an override, or with one of the same risk', () => {
    expect(effectiveOf(high, null)).toEqual({
      risk: 'high',
      measures: [quarantine],
      letterKind: 'x-high',
      source: 'proposal',
    });
    expect(effectiveOf(high, override('high')).source).toBe('proposal');
  });

  it('drops measures and letter for an override to no risk', () => {
    expect(effectiveOf(high, override('none'))).toEqual({
      risk: 'none',
      measures: [],
      letterKind: null,
      source: 'override-none',
    });
  });

  it('takes the protocol’s measures and letter for the risk a doctor overrides to', () => {
    const watch: Measure = {
      ...quarantine,
      kind: 'watch-symptoms',
      returnToSchool: null,
      description: 'Opvolgen',
    };
    const withAlternatives: Proposal = {
      ...high,
      alternatives: { low: { measures: [watch], letterKind: 'x-low', rule: { ...rule, ruleId: 'r-low' } } },
    };
    expect(effectiveOf(withAlternatives, override('low'))).toEqual({
      risk: 'low',
      measures: [watch],
      letterKind: 'x-low',
      source: 'override-protocol',
    });
  });

  it('keeps the proposal’s measures, flagged, for a risk the protocol has no rule for', () => {
    expect(effectiveOf(high, override('low'))).toEqual({
      risk: 'low',
      measures: [quarantine],
      letterKind: 'x-high',
      source: 'override-kept',
    });
  });
});

describe('draftDecision', () => {
  const candidate = (ref: string, proposal: Proposal = high, risk: Proposal['risk'] | null = null) => ({
    contactRef: ref,
    contactKind: 'pupil' as const,
    effective: effectiveOf(proposal, risk ? override(risk) : null),
  });

  it('flags every contact as changed in the first version and publishes no descriptions', () => {
    const draft = draftDecision(null, [candidate('a'), candidate('b', high, 'none')]);
    expect(draft.unchanged).toBe(false);
    expect(draft.changedCount).toBe(2);
    expect(draft.contacts[0]).toEqual({
      contactRef: 'a',
      contactKind: 'pupil',
      risk: 'high',
      measures: [decidedMeasureOf(quarantine)],
      letterKind: 'x-high',
      changed: true,
    });
    expect(JSON.stringify(draft)).not.toContain('Quarantaine');
  });

  it('is unchanged when nothing differs from the previous version', () => {
    const first = draftDecision(null, [candidate('a'), candidate('b')]);
    const again = draftDecision(first.contacts, [candidate('a'), candidate('b')]);
    expect(again).toMatchObject({ unchanged: true, changedCount: 0, withdrawnContactRefs: [] });
    expect(again.contacts.map((contact) => contact.changed)).toEqual([false, false]);
  });

  it('flags only contacts whose risk, measures or letter changed, and lists withdrawn contacts', () => {
    const first = draftDecision(null, [candidate('a'), candidate('b'), candidate('c'), candidate('gone')]);
    const later: Proposal = { ...high, measures: [{ ...quarantine, until: '2026-03-14' }] };
    const next = draftDecision(first.contacts, [
      candidate('a'),
      candidate('b', later),
      candidate('c', { ...high, letterKind: 'x-other' }),
      candidate('new'),
    ]);
    expect(next.contacts.map((contact) => [contact.contactRef, contact.changed])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
      ['new', true],
    ]);
    expect(next.withdrawnContactRefs).toEqual(['gone']);
    expect(next).toMatchObject({ unchanged: false, changedCount: 3 });
  });

  it('is not unchanged when only a contact was withdrawn', () => {
    const first = draftDecision(null, [candidate('a'), candidate('b')]);
    expect(draftDecision(first.contacts, [candidate('a')])).toMatchObject({
      unchanged: false,
      changedCount: 0,
      withdrawnContactRefs: ['b'],
    });
  });
});
