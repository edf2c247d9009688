import { Injectable, Logger } from '@nestjs/common';
import { DISEASES, type Disease } from '@meldpunt/contracts';
import { brusselsDate } from '../calendar/brussels-time';
import { Clock } from '../calendar/clock';
import { SchoolCalendar } from '../calendar/school-calendar';
import { EXAMPLE_PROTOCOLS } from './examples';
import type { ProtocolDefinition } from './protocol-definition.schema';
import { ProtocolEngine } from './protocol-engine';
import type {
  CaseUrgency,
  Proposal,
  ProposalInput,
  ProtocolEvaluator,
  UrgencyInput,
} from './protocol-engine.types';
import { parseProtocolDefinition } from './protocol-validation';
import { ProtocolRepository } from './protocol.repository';

/** How long versions read from the database are reused before they are read again (other instances' writes). */
export class ProtocolSettings {
  constructor(readonly cacheTtlMs = 30_000) {}
}

/** A version the engine can use, and where it came from. */
export interface ResolvedProtocol {
  readonly definition: ProtocolDefinition;
  /** database: a stored version; example: the shipped example (no stored version in force on that date). */
  readonly source: 'database' | 'example';
}

interface CacheEntry {
  readonly expiresAt: number;
  readonly versions: Promise<readonly ProtocolDefinition[]>;
}

/**
 * The ProtocolEvaluator the cases use: picks the protocol version in force on a date for a disease (the stored
 * version with the latest effective-from on or before that date, the highest version number on a tie; the shipped
 * example when none is), and evaluates it with the engine. Stored versions are cached per disease for
 * `cacheTtlMs` and dropped at once when this instance writes a new version.
 */
@Injectable()
export class ProtocolService implements ProtocolEvaluator {
  private readonly logger = new Logger('Protocols');
  private readonly engine: ProtocolEngine;
  private readonly cache = new Map<Disease, CacheEntry>();

  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly clock: Clock,
    calendar: SchoolCalendar,
    private readonly settings: ProtocolSettings,
  ) {
    this.engine = new ProtocolEngine(calendar);
  }

  async propose(input: ProposalInput, on: string): Promise<Proposal> {
    const { definition } = await this.resolve(input.disease, on);
    return this.engine.propose(definition, input, this.clock.now());
  }

  async urgencyOf(input: UrgencyInput): Promise<CaseUrgency> {
    const { definition } = await this.resolve(input.disease, brusselsDate(input.receivedAt));
    return this.engine.urgency(definition, input);
  }

  /** The version of `disease`'s protocol in force on `on` (YYYY-MM-DD). */
  async resolve(disease: Disease, on: string): Promise<ResolvedProtocol> {
    const candidates = (await this.storedVersions(disease)).filter((version) => version.effectiveFrom <= on);
    const best = candidates.reduce<ProtocolDefinition | null>((chosen, version) => {
      if (!chosen) return version;
      if (version.effectiveFrom !== chosen.effectiveFrom) {
        return version.effectiveFrom > chosen.effectiveFrom ? version : chosen;
      }
      return version.version > chosen.version ? version : chosen;
    }, null);
    return best
      ? { definition: best, source: 'database' }
      : { definition: EXAMPLE_PROTOCOLS[disease], source: 'example' };
  }

  /** Forget cached versions (of one disease, or all) so the next evaluation reads the database. */
  invalidate(disease?: Disease): void {
    if (disease) this.cache.delete(disease);
    else this.cache.clear();
  }

  private storedVersions(disease: Disease): Promise<readonly ProtocolDefinition[]> {
    const now = Date.now();
    const cached = this.cache.get(disease);
    if (cached && cached.expiresAt > now) return cached.versions;
    const versions = this.load(disease);
    this.cache.set(disease, { expiresAt: now + this.settings.cacheTtlMs, versions });
    // A failed read is not cached: the next call tries again.
    versions.catch(() => {
      if (this.cache.get(disease)?.versions === versions) this.cache.delete(disease);
    });
    return versions;
  }

  private async load(disease: Disease): Promise<readonly ProtocolDefinition[]> {
    const rows = await this.protocols.versionsOf(disease);
    return rows.flatMap((row) => {
      const parsed = parseProtocolDefinition(row.definition);
      if (parsed.ok) return [parsed.value];
      this.logger.error(
        `protocol ${disease} v${row.version} is stored but no longer valid; ignored: ${JSON.stringify(parsed.fields)}`,
      );
      return [];
    });
  }
}

/** Whether a path segment names a disease with a protocol. */
export function isDisease(value: string): value is Disease {
  return (DISEASES as readonly string[]).includes(value);
}
