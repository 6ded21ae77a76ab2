import { randomUUID } from 'node:crypto';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Store, WriteOp } from '../store/Store.js';

export interface AuditEntry {
  at: string;
  /** The acting user's Entra object id (never a name). */
  actor: string;
  action: string;
  /** What was read or changed, as a reference ("directory/rana-nav", "case/K-2026-0001"). */
  target: string;
  /** Short structured facts about the change; no free text about residents. */
  details?: Record<string, string | number | boolean | null>;
}

/** Append-only record of reads and changes (Normen: who, when, what). */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(municipality: MunicipalityId, entry: Omit<AuditEntry, 'at'>): Promise<void> {
    const op = this.entryOp(municipality, entry);
    await this.store.create<AuditEntry>('audit', municipality, op.id, op.data as AuditEntry);
  }

  /** The same entry as a write in someone else's all-or-nothing batch (an import). */
  entryOp(municipality: MunicipalityId, entry: Omit<AuditEntry, 'at'>): WriteOp {
    const at = this.now().toISOString();
    return { container: 'audit', partition: municipality, id: `${at}-${randomUUID()}`, data: { at, ...entry } satisfies AuditEntry, ifMatch: null };
  }

  async list(municipality: MunicipalityId, query: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const docs = await this.store.list<AuditEntry>('audit', municipality, {
      where: query.target ? [{ field: 'target', op: '=', value: query.target }] : [],
      orderBy: { field: 'at', direction: 'desc' },
      limit: query.limit ?? 100,
    });
    return docs.map((doc) => doc.data);
  }
}
