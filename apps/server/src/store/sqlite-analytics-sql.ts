/**
 * SQL conditions the analytics queries share; each names the table alias or column it applies to. A filter
 * not asked for adds nothing to the SQL text, so the planner can use covering indexes (the statement cache
 * keeps one statement per variant).
 */
export interface AnalyticsScope {
  site: boolean;
  topic: boolean;
}

/** The row's conversation is on the chosen site. */
export const inSite = (scope: AnalyticsScope, alias: string) =>
  // The site's conversation ids are collected once (from the site-and-visitor index) and probed per row.
  scope.site ? `AND ${alias}.conversation_id IN (SELECT id FROM conversations WHERE site_key = @site)` : '';

/** A column holding the site key itself equals the chosen one. */
export const siteIs = (scope: AnalyticsScope, column: string) => (scope.site ? `AND ${column} = @site` : '');

export const inTopic = (scope: AnalyticsScope, column: string) =>
  scope.topic ? `AND ${column} = @topic` : '';

/** The timeline kinds that give a conversation to an agent, and those that take it from them. */
export const STARTS_OWNERSHIP = `('claimed', 'transferred')`;
export const ENDS_OWNERSHIP = `('closed', 'handed_back', 'unassigned', 'transferred')`;
