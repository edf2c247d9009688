import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { School } from '../registry/school.entity';

/** What meldingen and credentials need to know about a school (organisational data, no personal data). */
export interface SchoolSummary {
  readonly id: string;
  readonly clbId: string;
  readonly instellingsnummer: string;
  readonly name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTELLINGSNUMMER = /^\d{6}$/;

/** Reads the registry's schools (owned by the registry feature; read-only here). */
@Injectable()
export class SchoolLookup {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<SchoolSummary | null> {
    if (!UUID.test(id)) return null;
    return this.summaryOf(await this.dataSource.getRepository(School).findOneBy({ id }));
  }

  /** By school id or instellingsnummer (the X-Meldpunt-School header accepts both). */
  async findByIdOrInstellingsnummer(value: string): Promise<SchoolSummary | null> {
    if (INSTELLINGSNUMMER.test(value)) {
      return this.summaryOf(
        await this.dataSource.getRepository(School).findOneBy({ instellingsnummer: value }),
      );
    }
    return this.findById(value);
  }

  private summaryOf(school: School | null): SchoolSummary | null {
    return school
      ? { id: school.id, clbId: school.clbId, instellingsnummer: school.instellingsnummer, name: school.name }
      : null;
  }
}
