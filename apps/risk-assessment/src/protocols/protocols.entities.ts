import { ProtocolAuditEntry } from './protocol-audit-entry.entity';
import { ProtocolVersion } from './protocol-version.entity';

/** The protocols' tables, for the service's entities.ts (migrations are generated from it). */
export const PROTOCOL_ENTITIES = [ProtocolVersion, ProtocolAuditEntry];
