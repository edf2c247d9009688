import { canMoveStatus } from './melding-status';

describe('melding status lifecycle', () => {
  it('moves forward only (skipping is allowed), never back or to itself', () => {
    expect(canMoveStatus('received', 'being-assessed')).toBe(true);
    expect(canMoveStatus('received', 'letters-sent')).toBe(true);
    expect(canMoveStatus('measures-decided', 'letters-sent')).toBe(true);
    expect(canMoveStatus('being-assessed', 'received')).toBe(false);
    expect(canMoveStatus('letters-sent', 'measures-decided')).toBe(false);
    expect(canMoveStatus('received', 'received')).toBe(false);
  });
});
