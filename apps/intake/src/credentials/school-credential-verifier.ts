import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../meldingen/clock';
import { apiKeyMatches, keyIdOfApiKey } from './credential-secrets';
import { SchoolCredentialRepository } from './school-credential.repository';
import { SecretSealer } from './secret-sealer';

export interface VerifiedApiKey {
  readonly schoolId: string;
  readonly keyId: string;
}

export interface UsableWebhookSecret {
  readonly keyId: string;
  readonly secret: string;
}

/** Binds a sealed webhook secret to its credential (see SecretSealer). */
export function sealingContext(keyId: string, schoolId: string): string {
  return `school-credential/${keyId}/${schoolId}`;
}

/** Authenticates school software: API keys for the API, webhook secrets for signed pushes. */
@Injectable()
export class SchoolCredentialVerifier {
  private readonly logger = new Logger('SchoolCredentials');

  constructor(
    private readonly credentials: SchoolCredentialRepository,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
  ) {}

  /** The school of a valid, unrevoked API key; null otherwise (never says why: that would help guessing). */
  async verifyApiKey(apiKey: string): Promise<VerifiedApiKey | null> {
    const keyId = keyIdOfApiKey(apiKey);
    if (!keyId) return null;
    const credential = await this.credentials.findUsable(keyId, this.clock.now());
    if (!credential || !apiKeyMatches(apiKey, credential.apiKeyHash)) return null;
    return { schoolId: credential.schoolId, keyId: credential.keyId };
  }

  /** The webhook secrets that may sign for the school now (two during a rotation's grace period). */
  async webhookSecretsOf(schoolId: string): Promise<UsableWebhookSecret[]> {
    const credentials = await this.credentials.usableForSchool(schoolId, this.clock.now());
    return credentials.flatMap((credential) => {
      try {
        const context = sealingContext(credential.keyId, credential.schoolId);
        return [
          { keyId: credential.keyId, secret: this.sealer.open(credential.webhookSecretSealed, context) },
        ];
      } catch {
        // Sealed under another CREDENTIALS_ENCRYPTION_KEY: unusable until the school rotates.
        this.logger.error(`webhook secret of credential ${credential.keyId} cannot be decrypted`);
        return [];
      }
    });
  }
}
