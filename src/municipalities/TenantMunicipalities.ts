import type { Municipality } from '../config.js';
import type { Store } from '../store/Store.js';

const PARTITION = 'global';

interface TenantRecord {
  municipality: Municipality;
}

/**
 * Which municipality a Teams tenant belongs to. Stored, so every instance agrees; seeded from
 * `TENANT_MUNICIPALITIES` at start-up, with `DEFAULT_MUNICIPALITY` for local use (the Playground).
 */
export class TenantMunicipalities {
  constructor(
    private readonly store: Store,
    private readonly fallback: Municipality | undefined,
  ) {}

  async resolve(tenantId: string | undefined): Promise<Municipality | undefined> {
    if (tenantId) {
      const record = await this.store.get<TenantRecord>('tenants', PARTITION, tenantId);
      if (record) return record.data.municipality;
    }
    return this.fallback;
  }

  async assign(tenantId: string, municipality: Municipality): Promise<void> {
    await this.store.put<TenantRecord>('tenants', PARTITION, tenantId, { municipality });
  }

  async seed(mapping: ReadonlyMap<string, Municipality>): Promise<void> {
    for (const [tenantId, municipality] of mapping) await this.assign(tenantId, municipality);
  }
}
