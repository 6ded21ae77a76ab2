import { randomUUID } from 'node:crypto';
import type { Municipality } from '../config.js';
import type { Store } from '../store/Store.js';

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

  async record(municipality: Municipality, entry: Omit<AuditEntry, 'at'>): Promise<void> {
    const at = this.now().toISOString();
    await this.store.create<AuditEntry>('audit', municipality, `${at}-${randomUUID()}`, { at, ...entry });
  }

  async list(municipality: Municipality, query: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const docs = await this.store.list<AuditEntry>('audit', municipality, {
      where: query.target ? [{ field: 'target', op: '=', value: query.target }] : [],
      orderBy: { field: 'at', direction: 'desc' },
      limit: query.limit ?? 100,
    });
    return docs.map((doc) => doc.data);
  }
}
