import type { mongo } from 'mongoose';
import { type AnalyticsFilter, byCountThenKey, NO_TOPIC } from './analytics-figures';

type Collection<T extends mongo.Document> = mongo.Collection<T>;
type Document = mongo.Document;
type Filter<T> = mongo.Filter<T>;

/**
 * The pieces the MongoDB analytics queries share. Only what FerretDB v1 runs is used: `$match`, `$unwind`,
 * `$group` on field paths with `$sum`, `$sort`/`$skip`/`$limit`, and indexed counts — it has no date or
 * arithmetic expressions, so series are one indexed count per day and durations are stored numbers.
 */
export interface MongoAnalyticsQuery {
  filter: AnalyticsFilter;
  /** `{ conversationId: { $in: … } }` for the site's conversations; empty without a site. */
  inSite: Filter<Document>;
  /** A range on `field` over the whole filter. */
  range(field: string): Filter<Document>;
  /** `{ field: topic }` when a topic is chosen; empty otherwise. */
  inTopic(field: string): Filter<Document>;
}

export async function mongoAnalyticsQuery(
  filter: AnalyticsFilter,
  conversations: Collection<Document>,
): Promise<MongoAnalyticsQuery> {
  // Ids only, of one site's conversations: the rows counted stay in the database.
  const siteIds =
    filter.siteKey === undefined
      ? null
      : await conversations.distinct('_id', { siteKey: filter.siteKey } as Filter<Document>);
  return {
    filter,
    inSite: siteIds === null ? {} : { conversationId: { $in: siteIds } },
    range: (field) => ({ [field]: { $gte: filter.from, $lt: filter.to } }),
    inTopic: (field) => (filter.topic === undefined ? {} : { [field]: filter.topic }),
  };
}

/** One count per day of the range, in parallel, each an indexed range count. */
export async function countPerDay(
  collection: Collection<Document>,
  field: string,
  match: Filter<Document>,
  days: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    days.map((day) =>
      collection.countDocuments({ ...match, [field]: { $gte: `${day}T00:00:00.000Z`, $lt: nextDay(day) } }),
    ),
  );
  return new Map(days.map((day, i) => [day, counts[i] ?? 0]));
}

/** The instant the UTC day after `day` begins. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** `$group` by one field path with a count (or a sum of `sumOf`), as `{ key, n }` rows. */
export async function groupCount(
  collection: Collection<Document>,
  match: Filter<Document>,
  key: string,
  options: { unwind?: string; sumOf?: string } = {},
): Promise<{ key: unknown; n: number }[]> {
  const pipeline: Document[] = [{ $match: match }];
  if (options.unwind) pipeline.push({ $unwind: `$${options.unwind}` });
  pipeline.push({ $group: { _id: `$${key}`, n: { $sum: options.sumOf ? `$${options.sumOf}` : 1 } } });
  const rows = await collection.aggregate<{ _id: unknown; n: number }>(pipeline).toArray();
  return rows.map((row) => ({ key: row._id, n: row.n }));
}

/**
 * A sum of one field (and how many were summed) over the matching documents. Two queries: FerretDB v1
 * computes only the first accumulator of a `$group` (the others come back 0).
 */
export async function sumOf(
  collection: Collection<Document>,
  match: Filter<Document>,
  field: string,
): Promise<{ total: number; count: number }> {
  const [rows, count] = await Promise.all([
    collection
      .aggregate<{ total: number }>([
        { $match: match },
        { $group: { _id: null, total: { $sum: `$${field}` } } },
      ])
      .toArray(),
    collection.countDocuments(match),
  ]);
  return { total: rows[0]?.total ?? 0, count };
}

/** Topic counts with the untopical ones under `NO_TOPIC`, ordered as the port promises. */
export function mergeTopics(rows: { key: unknown; n: number }[]): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const topic = typeof row.key === 'string' ? row.key : NO_TOPIC;
    counts.set(topic, (counts.get(topic) ?? 0) + row.n);
  }
  return [...counts].map(([topic, count]) => ({ topic, count })).sort(byCountThenKey((row) => row.topic));
}
