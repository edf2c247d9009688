import { PASSWORD_MAX_LENGTH, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblems('paarden eten graag wortels', 'an@school.be')).toEqual([]);
    expect(passwordProblems('Meldpunt-demo-2026')).toEqual([]);
  });

  it('wants at least 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblems('kort')).toEqual(['Het wachtwoord moet minstens 12 tekens lang zijn.']);
    expect(passwordProblems('éèêëàâäôöûüç')).toEqual([]);
    expect(passwordProblems('😀😀😀😀😀😀x')).toContain('Het wachtwoord moet minstens 12 tekens lang zijn.');
  });

  it('caps the length so nobody makes argon2 hash megabytes', () => {
    expect(passwordProblems('abc def ghi '.repeat(PASSWORD_MAX_LENGTH / 8))).toEqual([
      'Het wachtwoord mag hoogstens 256 tekens lang zijn.',
    ]);
  });

  it('refuses predictable passwords and repeated characters', () => {
    expect(passwordProblems('Wachtwoord123')).toEqual(['Kies een minder voorspelbaar wachtwoord.']);
    expect(passwordProblems('aaaaaaaaaaaaaaaa')).toEqual(['Kies een minder voorspelbaar wachtwoord.']);
    expect(passwordProblems('abababababababab')).toEqual(['Kies een minder voorspelbaar wachtwoord.']);
  });

  it('refuses a password that contains the e-mail name', () => {
    expect(passwordProblems('directie-regenboog-1', 'Directie@regenboog.be')).toEqual([
      'Het wachtwoord mag uw e-mailadres niet bevatten.',
    ]);
    // Very short local parts (jo@…) are not checked: too many false alarms.
    expect(passwordProblems('jo-en-zijn-lange-zin', 'jo@school.be')).toEqual([]);
  });
});
