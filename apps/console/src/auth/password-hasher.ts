import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. (@node-rs/argon2 uses argon2id by default.) */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id password hashing. verifyNobody() spends the same time as a real verify, so a login for an unknown
 * address takes as long as one with a wrong password and does not reveal which addresses exist.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never lets anyone in
    }
  }

  /** Verifies against a throwaway hash with the same parameters; always false. */
  async verifyNobody(password: string): Promise<false> {
    this.dummyHash ??= this.hash('meldpunt-no-such-user-dummy-password');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
