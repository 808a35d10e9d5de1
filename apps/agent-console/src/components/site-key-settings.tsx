import type { SiteKey } from '@hitl/shared/site-keys';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { changeSiteKey, createSiteKey, deleteSiteKey, listSiteKeys } from '../api/site-keys';
import { draftOfSiteKey, emptySiteKeyDraft } from '../lib/site-key-form';
import { SiteKeyCard } from './site-key-card';

/**
 * The widget's site keys (admins only): which pages may embed it and what it says there. A change applies
 * to the next widget session on every server at once.
 */
export function SiteKeySettings({ onChanged }: { onChanged: () => void }) {
  const [siteKeys, setSiteKeys] = useState<SiteKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after an add, so the empty card starts afresh.
  const [added, setAdded] = useState(0);

  const reload = useCallback(() => {
    listSiteKeys().then(setSiteKeys, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(reload, [reload]);

  const replace = (next: SiteKey) =>
    setSiteKeys((list) => (list ?? []).map((s) => (s.key === next.key ? next : s)));

  return (
    <section
      className="site-key-settings"
      data-testid="site-key-settings"
      aria-labelledby="site-keys-heading"
    >
      <div className="page-header">
        <h2 id="site-keys-heading">Site keys</h2>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {siteKeys === null && !error && <p className="muted">Loading the site keys…</p>}
      {siteKeys?.map((siteKey) => (
        <SiteKeyCard
          // Keyed by the key alone: a save keeps the card (and its “Saved”) in place.
          key={siteKey.key}
          draft={draftOfSiteKey(siteKey)}
          isNew={false}
          onSave={async ({ name, greeting, origins }) => {
            replace(await changeSiteKey(siteKey.key, { name, greeting, origins }));
            onChanged();
          }}
          onDelete={async () => {
            if (!window.confirm(`Delete the site key ${siteKey.key}? Pages embedding it stop working.`))
              return;
            await deleteSiteKey(siteKey.key);
            setSiteKeys((list) => (list ?? []).filter((s) => s.key !== siteKey.key));
            onChanged();
          }}
        />
      ))}
      <SiteKeyCard
        key={`new-${added}`}
        draft={emptySiteKeyDraft()}
        isNew
        onSave={async (value) => {
          const created = await createSiteKey(value);
          setSiteKeys((list) => [...(list ?? []), created].sort((a, b) => a.key.localeCompare(b.key)));
          setAdded((n) => n + 1);
          onChanged();
        }}
      />
    </section>
  );
}
