import type { Store } from '../../apps/server/src/store/store';

/**
 * A cheap summary of everything a request could change: conversations (state, assignee, contact, `lastSeq`,
 * so every appended message), corrections and review items with their status, articles with their version,
 * canned responses, audit events, agents, site keys, the active policy and the profiles of the conversations'
 * visitors. Equal fingerprints before and after a request mean the request wrote nothing (sessions aside, which a
 * login creates on purpose).
 */
export async function fingerprintStore(store: Store): Promise<string> {
  const conversations = await store.listConversations({ limit: 10_000 });
  const corrections = await store.listCorrections({ status: 'any' }, { limit: 10_000, offset: 0 });
  const reviewItems = await store.listReviewItems({ status: 'any', limit: 10_000 });
  const articles = await store.listArticles();
  const audit = await store.listAudit(10_000);
  const policy = await store.getSetting('policy');
  const canned = await store.listCannedResponses();
  const profiles = await Promise.all(
    [...new Set(conversations.map((c) => JSON.stringify([c.siteKey, c.visitorId])))].map(async (key) => {
      const [siteKey, visitorId] = JSON.parse(key) as [string, string];
      const profile = await store.getVisitorProfile(siteKey, visitorId);
      return [key, profile?.updatedAt ?? null];
    }),
  );
  return JSON.stringify({
    conversations: conversations
      .map((c) => [c.id, c.state, c.assignee?.id ?? null, c.contactEmail ?? null, c.lastSeq])
      .sort(),
    messages: conversations.reduce((sum, c) => sum + c.lastSeq, 0),
    corrections: corrections.map((c) => [c.id, c.review.status]).sort(),
    reviewItems: reviewItems.map((r) => [r.id, r.status]).sort(),
    articles: articles.map((a) => [a.id, a.version, a.status]).sort(),
    canned: canned.map((c) => [c.id, c.shortcut, c.updatedAt]).sort(),
    audit: audit.length,
    agents: await store.countAgents(),
    policy: policy?.updatedAt ?? null,
    siteKeys: (await store.listSiteKeys()).map((s) => [s.key, s.updatedAt]),
    visitorProfiles: profiles.sort(),
  });
}
