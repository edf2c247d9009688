import { isUrgent, mergeUrgency, type UrgencyState } from './case-urgency';

const rule = (ruleId: string) => ({ protocolId: 'p', protocolVersion: 1, ruleId, description: ruleId });
const state = (overrides: Partial<UrgencyState>): UrgencyState => ({
  urgency: 'normal',
  deadline: null,
  alwaysPage: false,
  rule: rule('normal'),
  ...overrides,
});

describe('case urgency', () => {
  it('calls critical, high and always-page cases urgent', () => {
    expect(isUrgent({ urgency: 'critical', alwaysPage: false })).toBe(true);
    expect(isUrgent({ urgency: 'high', alwaysPage: false })).toBe(true);
    expect(isUrgent({ urgency: 'normal', alwaysPage: true })).toBe(true);
    expect(isUrgent({ urgency: 'normal', alwaysPage: false })).toBe(false);
  });

  it('keeps the most pressing of both for an open case', () => {
    const current = state({ urgency: 'high', deadline: new Date('2026-03-03T12:00:00Z'), rule: rule('a') });
    const incoming = state({
      urgency: 'normal',
      deadline: new Date('2026-03-03T08:00:00Z'),
      alwaysPage: true,
      rule: rule('b'),
    });
    expect(mergeUrgency('open', current, incoming)).toEqual({
      urgency: 'high',
      rule: rule('a'),
      deadline: new Date('2026-03-03T08:00:00Z'),
      alwaysPage: true,
    });
  });

  it('starts afresh for a decided case', () => {
    const incoming = state({ urgency: 'normal', rule: rule('b') });
    expect(mergeUrgency('decided', state({ urgency: 'critical' }), incoming)).toBe(incoming);
  });
});
