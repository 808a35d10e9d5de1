import { randomBytes } from 'node:crypto';
import { agentRoleSchema } from '@hitl/shared/models';
import { z } from 'zod';
import type { Config } from '../config';
import { createId } from '../lib/ids';
import { hashPassword } from '../services/auth/password';
import { openStore } from '../store/open-store';

const addSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(80),
  role: agentRoleSchema.default('agent'),
  password: z.string().min(8).optional(),
});

interface AgentFlags {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  password?: string | undefined;
}

/** `agent add | list | password`: team administration from the command line. */
export async function runAgentCommand(
  config: Config,
  action: string | undefined,
  flags: AgentFlags,
): Promise<number> {
  const store = await openStore(config);
  try {
    if (action === 'list') {
      for (const agent of await store.listAgents()) {
        process.stdout.write(`${agent.id}\t${agent.role}\t${agent.email}\t${agent.name}\n`);
      }
      return 0;
    }
    if (action === 'add') {
      const input = addSchema.safeParse(flags);
      if (!input.success) {
        process.stderr.write(
          `Bad options: ${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
        );
        return 2;
      }
      const password = input.data.password ?? randomBytes(12).toString('base64url');
      const agent = await store.createAgent({
        id: createId('agt'),
        email: input.data.email.toLowerCase(),
        name: input.data.name,
        role: input.data.role,
        passwordHash: await hashPassword(password),
        createdAt: new Date().toISOString(),
      });
      process.stdout.write(
        `Created ${agent.role} ${agent.email}${input.data.password ? '' : ` with password ${password}`}\n`,
      );
      return 0;
    }
    process.stderr.write('Usage: agent add|list (see --help)\n');
    return 2;
  } finally {
    await store.close();
  }
}
