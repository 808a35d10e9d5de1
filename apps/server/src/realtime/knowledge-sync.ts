import { reloadArticles } from '../services/knowledge/reload-articles';
import type { ServiceContext } from '../services/service-context';
import type { AgentNamespace } from './namespaces';

/** Another node changed the knowledge base: this node's responder reloads the articles from the store. */
export function attachKnowledgeSync(nsp: AgentNamespace, ctx: ServiceContext): void {
  nsp.on('knowledge:changed', () => {
    reloadArticles(ctx).catch((err: unknown) => ctx.logger.error({ err }, 'reloading the articles failed'));
  });
}
