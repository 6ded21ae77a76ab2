import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError, StoreUnavailableError } from '../errors.js';
import { containerNames, containers, type ContainerName } from './containers.js';
import { assertFieldPath, type ListQuery, type Store, type StoreHealth, type Versioned, type WriteOp } from './Store.js';

interface Row {
  id: string;
  partition: string;
  data: string;
  etag: string;
}

/**
 * The embedded store: one SQLite file (WAL mode) with a table per container, JSON documents and
 * expression indexes on the fields each container is queried by. Synchronous driver, so every
 * call is a single atomic statement.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** Statements prepared once and reused: preparing is a good part of a small query's cost. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    for (const name of containerNames) this.migrate(name);
  }

  async get<T>(container: ContainerName, partition: string, id: string): Promise<Versioned<T> | undefined> {
    const row = this.run(() => this.statement(`SELECT id, partition, data, etag FROM ${container} WHERE partition = ? AND id = ?`).get(partition, id)) as
      Row | undefined;
    return row && toVersioned<T>(row);
  }

  async create<T>(container: ContainerName, partition: string, id: string, data: T): Promise<Versioned<T>> {
    const etag = randomUUID();
    const result = this.run(() =>
      this.statement(`INSERT INTO ${container} (partition, id, data, etag) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(
        partition,
        id,
        JSON.stringify(data),
        etag,
      ),
    );
    if (result.changes === 0) throw new ConflictError(`${container}/${id} already exists`);
    return { id, partition, data, etag };
  }

  async put<T>(container: ContainerName, partition: string, id: string, data: T, ifMatch?: string): Promise<Versioned<T>> {
    const etag = randomUUID();
    const json = JSON.stringify(data);
    const result = this.run(() =>
      ifMatch === undefined
        ? this.statement(upsertSql(container)).run(partition, id, json, etag)
        : this.statement(replaceSql(container)).run(json, etag, partition, id, ifMatch),
    );
    if (result.changes === 0) throw new ConflictError(`${container}/${id} changed since it was read`);
    return { id, partition, data, etag };
  }

  async delete(container: ContainerName, partition: string, id: string, ifMatch?: string): Promise<boolean> {
    if (ifMatch !== undefined) {
      const current = await this.get(container, partition, id);
      if (!current) return false;
      const result = this.run(() => this.statement(`DELETE FROM ${container} WHERE partition = ? AND id = ? AND etag = ?`).run(partition, id, ifMatch));
      if (result.changes === 0) throw new ConflictError(`${container}/${id} changed since it was read`);
      return true;
    }
    const result = this.run(() => this.statement(deleteSql(container)).run(partition, id));
    return result.changes > 0;
  }

  async list<T>(container: ContainerName, partition: string, query: ListQuery = {}): Promise<Versioned<T>[]> {
    const clauses = ['partition = ?'];
    const params: unknown[] = [partition];
    for (const condition of query.where ?? []) {
      clauses.push(`${jsonPath(condition.field)} ${condition.op === '!=' ? 'IS NOT' : condition.op} ?`);
      params.push(typeof condition.value === 'boolean' ? Number(condition.value) : condition.value);
    }
    let sql = `SELECT id, partition, data, etag FROM ${container} WHERE ${clauses.join(' AND ')}`;
    if (query.orderBy) sql += ` ORDER BY ${jsonPath(query.orderBy.field)} ${query.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}, id`;
    if (query.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(query.limit);
    }
    const rows = this.run(() => this.statement(sql).all(...params)) as Row[];
    return rows.map((row) => toVersioned<T>(row));
  }

  async writeAll(ops: readonly WriteOp[]): Promise<void> {
    this.run(() =>
      this.db.transaction(() => {
        for (const op of ops) {
          if (op.data === undefined) this.statement(deleteSql(op.container)).run(op.partition, op.id);
          else if (op.ifMatch !== undefined) {
            const result =
              op.ifMatch === null
                ? this.statement(`INSERT INTO ${op.container} (partition, id, data, etag) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(
                    op.partition,
                    op.id,
                    JSON.stringify(op.data),
                    randomUUID(),
                  )
                : this.statement(replaceSql(op.container)).run(JSON.stringify(op.data), randomUUID(), op.partition, op.id, op.ifMatch);
            if (result.changes === 0) throw new ConflictError(`${op.container}/${op.id} changed since it was read`);
          } else this.statement(upsertSql(op.container)).run(op.partition, op.id, JSON.stringify(op.data), randomUUID());
        }
      })(),
    );
  }

  async health(): Promise<StoreHealth> {
    try {
      this.statement('SELECT 1').get();
      return { ok: true, kind: this.kind };
    } catch (error) {
      return { ok: false, kind: this.kind, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private migrate(container: ContainerName): void {
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${container} (
         partition TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, etag TEXT NOT NULL,
         PRIMARY KEY (partition, id)) WITHOUT ROWID`,
    );
    const spec: { indexedFields: readonly string[]; compositeIndexes?: readonly (readonly string[])[] } = containers[container];
    for (const fields of [...spec.indexedFields.map((field) => [field]), ...(spec.compositeIndexes ?? [])]) {
      const indexName = `${container}_${fields.join('_').replace(/\./g, '_')}`;
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${container} (partition, ${fields.map(jsonPath).join(', ')})`);
    }
  }

  /** The statement for this SQL, prepared on first use (the SQL of lists varies only by container and query shape). */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  /** Busy or closed database → StoreUnavailableError; everything else is a bug and propagates. */
  private run<R>(statement: () => R): R {
    try {
      return statement();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || !this.db.open) {
        throw new StoreUnavailableError('SQLite is busy or closed', { cause: error });
      }
      throw error;
    }
  }
}

const upsertSql = (container: ContainerName) =>
  `INSERT INTO ${container} (partition, id, data, etag) VALUES (?, ?, ?, ?) ON CONFLICT (partition, id) DO UPDATE SET data = excluded.data, etag = excluded.etag`;
const replaceSql = (container: ContainerName) => `UPDATE ${container} SET data = ?, etag = ? WHERE partition = ? AND id = ? AND etag = ?`;
const deleteSql = (container: ContainerName) => `DELETE FROM ${container} WHERE partition = ? AND id = ?`;

function jsonPath(field: string): string {
  return `json_extract(data, '$.${assertFieldPath(field)}')`;
}

function toVersioned<T>(row: Row): Versioned<T> {
  return { id: row.id, partition: row.partition, data: JSON.parse(row.data) as T, etag: row.etag };
}
