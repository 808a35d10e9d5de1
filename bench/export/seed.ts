import { parseArgs } from 'node:util';
import { seedMongo } from './seed-mongo';
import { seedSqlite } from './seed-sqlite';

/**
 * Generates the benchmark's data in a process of its own, so that the memory it takes does not
 * count in the export's peak. `--sqlite <file>` or `--mongo <uri>`, and `--rows <n>`.
 */
const { values } = parseArgs({
  options: { rows: { type: 'string' }, sqlite: { type: 'string' }, mongo: { type: 'string' } },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive whole number');
if (values.sqlite) seedSqlite(values.sqlite, rows);
else if (values.mongo) await seedMongo(values.mongo, rows);
else throw new Error('say --sqlite <file> or --mongo <uri>');
