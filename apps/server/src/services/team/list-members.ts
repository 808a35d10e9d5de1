import type { TeamResponse } from '@hitl/shared/team-presence';
import { readAssignmentSettings } from '../assignment/assignment-mode';
import type { ServiceContext } from '../service-context';

/** The active team with presence (from every node's sockets) and how many conversations each owns. */
export async function listMembers(ctx: ServiceContext): Promise<TeamResponse> {
  const [agents, presence, owned, assignment] = await Promise.all([
    ctx.store.listAgents(),
    ctx.notifier.agentPresence(),
    ctx.store.countOwnedConversations(),
    readAssignmentSettings(ctx),
  ]);
  return {
    members: agents
      .filter((agent) => agent.active)
      .map((agent) => ({
        id: agent.id,
        name: agent.name,
        role: agent.role,
        presence: presence.get(agent.id) ?? 'offline',
        open: owned[agent.id] ?? 0,
      })),
    assignment,
  };
}
