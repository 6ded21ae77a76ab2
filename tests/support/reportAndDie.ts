/**
 * Run as its own process by the crash test: reports a case on the SQLite store in DATA_DIR and is
 * killed (SIGKILL, as `kill -9`) the moment the case is written, before any of its reminders.
 */
import { join } from 'node:path';
import { createServices } from '../../src/services.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';

const [dataDir, formJson] = process.argv.slice(2) as [string, string];
const store = new SqliteStore(join(dataDir, 'koordinatorhjelpen.sqlite'));
const dying = new Proxy(store, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver) as unknown;
    if (property !== 'create' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
    return async (container: string, ...rest: unknown[]) => {
      if (container === 'reminders') process.kill(process.pid, 'SIGKILL');
      return (value as (...args: unknown[]) => Promise<unknown>).call(target, container, ...rest);
    };
  },
});
const services = createServices(dying);
await services.cases.report(await services.roles.actor('rana', 'reporter'), JSON.parse(formJson));
process.stdout.write('survived\n');
