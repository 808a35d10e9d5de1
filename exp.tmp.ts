import { createSqliteStore } from './apps/server/src/store/sqlite-store';
import { measureExport } from './bench/export/measure';
const store = await createSqliteStore({ file: '/tmp/parts/s.sqlite' });
const r = await measureExport(store, { format: 'openai-chat', filter: { status: 'approved' }, redact: true, dedup: process.env.NODEDUP ? false : true, validationFraction: 0, systemPrompt: 'You are the assistant.' }, '/tmp/parts/out.jsonl');
console.log(r.rows, r.seconds.toFixed(2), Math.round(r.rowsPerSecond), (1e6 / r.rowsPerSecond).toFixed(1), 'us/row');
await store.close();
