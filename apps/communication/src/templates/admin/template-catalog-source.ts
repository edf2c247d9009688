import { Inject, Injectable, Optional } from '@nestjs/common';
import { CATALOGS, LETTER_CATALOGS, type Catalogs } from '../catalogs';
import type { LetterLanguage } from '../letter-renderer.types';
import { mergeCatalogs, type Overrides } from './effective-catalogs';
import { TemplateOverrideRepository } from './template-override.repository';
import { isLetterLanguage, isMessageKey } from './template-rules';

/** How long another instance's change may take to reach this one's letters (ms). */
export const TEMPLATE_REFRESH_MS = Symbol('TEMPLATE_REFRESH_MS');
export const DEFAULT_TEMPLATE_REFRESH_MS = 30_000;

export interface CatalogSnapshot {
  readonly catalogs: Catalogs;
  readonly overrides: Overrides;
}

/**
 * The catalogs letters are rendered with: code catalogs with the admins' overrides on top, kept in memory. This
 * process reloads them right after its own change (`invalidate`); changes made through another instance are
 * picked up at most `TEMPLATE_REFRESH_MS` later (the next render after that reloads; concurrent renders share
 * one load). If the database is unreachable, the last snapshot (or the plain catalogs) is used.
 */
@Injectable()
export class TemplateCatalogSource {
  private snapshot: CatalogSnapshot | null = null;
  private loadedAt = 0;
  private loading: Promise<CatalogSnapshot> | null = null;
  private generation = 0;
  private readonly refreshMs: number;
  private readonly base: Catalogs;

  constructor(
    private readonly overrides: TemplateOverrideRepository,
    @Optional() @Inject(TEMPLATE_REFRESH_MS) refreshMs?: number,
    @Optional() @Inject(LETTER_CATALOGS) base?: Catalogs,
  ) {
    this.refreshMs = refreshMs ?? DEFAULT_TEMPLATE_REFRESH_MS;
    this.base = base ?? CATALOGS;
  }

  async catalogs(): Promise<Catalogs> {
    return (await this.current()).catalogs;
  }

  async current(): Promise<CatalogSnapshot> {
    if (this.snapshot && Date.now() - this.loadedAt < this.refreshMs) return this.snapshot;
    if (!this.loading) {
      const loading: Promise<CatalogSnapshot> = this.load().finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return await this.loading;
  }

  /** Forget the snapshot: the next render loads the overrides again (call after a change in this process). */
  invalidate(): void {
    this.generation += 1;
    this.snapshot = null;
    this.loadedAt = 0;
    this.loading = null;
  }

  get baseCatalogs(): Catalogs {
    return this.base;
  }

  private async load(): Promise<CatalogSnapshot> {
    const generation = this.generation;
    let rows;
    try {
      rows = await this.overrides.all();
    } catch (error) {
      if (this.snapshot) return this.snapshot;
      throw error;
    }
    const overrides: Partial<Record<LetterLanguage, Record<string, string>>> = {};
    for (const row of rows) {
      // A row for a key or language the code no longer has is ignored (it stays in the table and its history).
      if (!isLetterLanguage(row.language) || !isMessageKey(row.key)) continue;
      (overrides[row.language] ??= {})[row.key] = row.text;
    }
    const snapshot: CatalogSnapshot = {
      overrides,
      catalogs: mergeCatalogs(this.base, overrides),
    };
    // A change while loading: keep the result for this caller only; the next one loads again.
    if (generation === this.generation) {
      this.snapshot = snapshot;
      this.loadedAt = Date.now();
    }
    return snapshot;
  }
}
