/** SQL conditions the analytics queries share; each names the table alias or column it applies to. */
export const inSite = (alias: string) =>
  `(@site IS NULL OR EXISTS (SELECT 1 FROM conversations s WHERE s.id = ${alias}.conversation_id AND s.site_key = @site))`;

export const inTopic = (column: string) => `(@topic IS NULL OR ${column} = @topic)`;
