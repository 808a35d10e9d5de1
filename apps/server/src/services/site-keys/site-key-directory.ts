import type { SiteKey } from '@hitl/shared/site-keys';
import type { Clock } from '../../lib/clock';
import type { Store } from '../../store/store';
import { StoreConflictError } from '../../store/store-errors';

/** The setting listing the `SITES` keys already copied into the store. */
export const SEEDED_SITE_KEYS_SETTING = 'site-keys-seeded';

export interface SiteKeySeed {
  /** `SITES`: each key with its allowed origins. */
  sites: Record<string, string[]>;
  /** `SITE_NAME`: the display name and greeting a seeded key starts with. */
  siteName: string;
}

/** What a site key seeded from configuration greets visitors with until an admin changes it. */
export function defaultGreeting(siteName: string): string {
  return `Hi! I'm the ${siteName} assistant. Ask me about orders, shipping, returns and more — a person from our team is always one message away.`;
}

/**
 * The widget's site keys. The store is the source of truth, read at every widget session and socket
 * handshake, so an admin's edit applies on every node at once without a cache to invalidate.
 * Configuration only seeds it: a `SITES` key is copied in once (the first time a node sees it), so a key
 * an admin deleted or edited is not brought back by the next start.
 */
export class SiteKeyDirectory {
  private seeding: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly seed: SiteKeySeed,
    private readonly clock: Clock,
  ) {}

  async find(key: string): Promise<SiteKey | null> {
    await this.seeded();
    return this.store.getSiteKey(key);
  }

  async list(): Promise<SiteKey[]> {
    await this.seeded();
    return this.store.listSiteKeys();
  }

  /** Once per process; a failed attempt (store down) is tried again by the next call. */
  seeded(): Promise<void> {
    this.seeding ??= seedSiteKeys(this.store, this.seed, this.clock.now().toISOString()).catch(
      (error: unknown) => {
        this.seeding = null;
        throw error;
      },
    );
    return this.seeding;
  }
}

async function seedSiteKeys(store: Store, seed: SiteKeySeed, at: string): Promise<void> {
  const saved = await store.getSetting(SEEDED_SITE_KEYS_SETTING);
  const done = new Set(Array.isArray(saved?.value) ? (saved.value as string[]) : []);
  const fresh = Object.entries(seed.sites).filter(([key]) => !done.has(key));
  if (fresh.length === 0) return;
  for (const [key, origins] of fresh) {
    await store
      .createSiteKey({
        key,
        name: seed.siteName,
        origins,
        greeting: defaultGreeting(seed.siteName),
        updatedAt: at,
      })
      // Another node seeding at the same time, or a key an admin created first: theirs stays.
      .catch((error: unknown) => {
        if (!(error instanceof StoreConflictError)) throw error;
      });
  }
  await store.putSetting(SEEDED_SITE_KEYS_SETTING, [...done, ...fresh.map(([key]) => key)].sort(), at);
}
