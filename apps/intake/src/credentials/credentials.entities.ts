import { SchoolCredential } from './school-credential.entity';

/** Tables of the credentials feature; included in MELDING_ENTITIES (the meldingen feature owns them). */
export const CREDENTIAL_ENTITIES: Array<new () => unknown> = [SchoolCredential];
