import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';

const usage = `Usage: pnpm cli <command> [options]

Commands:
  export   Write corrections as a fine-tuning dataset
           --format openai-chat|openai-preference|trl-preference|csv  (default openai-chat)
           --status approved|pending|rejected|any                   (default approved)
           --kind, --reason, --topic, --agent <id>, --since <ISO>, --until <ISO>
           --out <file>   (default: standard output; also writes <stem>.manifest.json)
           --val <0..0.5> share of conversations for <stem>.val<ext> (default 0, needs --out)
           --no-redact, --no-dedup, --quiet
  agent add --email <e> --name <n> [--role agent|reviewer|admin] [--password <p>]
  agent list

The store is the one configured by the environment (DATA_DIR, …), as for the server.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      status: { type: 'string' },
      kind: { type: 'string' },
      reason: { type: 'string' },
      topic: { type: 'string' },
      agent: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string', short: 'o' },
      val: { type: 'string' },
      'no-redact': { type: 'boolean' },
      'no-dedup': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!command || values.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = loadConfig();
  // Each command loads only what it needs: an export of a million rows has no use for the web server.
  if (command === 'export') return (await import('./export-command')).runExportCommand(config, values);
  if (command === 'agent')
    return (await import('./agent-command')).runAgentCommand(config, positionals[0], values);
  process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof ConfigError || err instanceof TypeError ? err.message : String(err);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
