import type { CannedResponseList } from '@hitl/shared/canned-responses';
import type { Agent } from '@hitl/shared/models';
import { assertPermitted } from '../auth/assert-permitted';
import type { ServiceContext } from '../service-context';

/** Every canned response, with the site name the console fills `{site}` with. */
export async function listCannedResponses(ctx: ServiceContext, agent: Agent): Promise<CannedResponseList> {
  assertPermitted(agent, 'canned.read');
  return { cannedResponses: await ctx.store.listCannedResponses(), siteName: ctx.mail.siteName };
}
