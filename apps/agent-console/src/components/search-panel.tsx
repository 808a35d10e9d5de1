import { conversationStates, escalationSignals } from '@hitl/shared/models';
import { articleTopics } from '@hitl/shared/topics';
import { type FormEvent, useEffect, useState } from 'react';
import { useConversationSearch } from '../hooks/use-conversation-search';
import type { ConversationMap } from '../hooks/use-conversations';
import { emptySearchForm, type SearchForm } from '../lib/search-filters';
import { SearchResult } from './search-result';

type Props = {
  conversations: ConversationMap;
  me: { id: string; name: string };
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** Words over every conversation's messages and filters on the conversations, newest activity first. */
export function SearchPanel({ conversations, me, selectedId, onSelect }: Props) {
  const [form, setForm] = useState<SearchForm>(emptySearchForm);
  const { hits, nextCursor, loading, error, searched, search, loadMore } = useConversationSearch();
  const agents = knownAgents(conversations, me);
  const sites = [...new Set([...conversations.values()].map((c) => c.siteKey))].sort();

  // Filters apply as they change; the words on Enter or the button.
  const setFilter = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (key !== 'q') void search(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(form);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once, when the panel opens
  useEffect(() => {
    void search(emptySearchForm);
  }, []);

  return (
    <section className="sidebar-section search-panel" aria-label="Search conversations">
      <form className="search-form" onSubmit={submit}>
        <div className="search-box">
          <input
            type="search"
            value={form.q}
            placeholder="Search messages…"
            aria-label="Search messages"
            data-testid="search-input"
            maxLength={200}
            onChange={(event) => setForm({ ...form, q: event.target.value })}
          />
          <button type="submit" className="btn btn-primary" data-testid="search-submit">
            Search
          </button>
        </div>
        <div className="search-filters">
          <select
            aria-label="State"
            data-testid="search-state"
            value={form.state}
            onChange={(event) => setFilter('state', event.target.value as SearchForm['state'])}
          >
            <option value="">Any state</option>
            {conversationStates.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
          <select
            aria-label="Reason"
            data-testid="search-reason"
            value={form.reason}
            onChange={(event) => setFilter('reason', event.target.value as SearchForm['reason'])}
          >
            <option value="">Any reason</option>
            {escalationSignals.map((signal) => (
              <option key={signal} value={signal}>
                {signal}
              </option>
            ))}
          </select>
          <select
            aria-label="Topic"
            data-testid="search-topic"
            value={form.topic}
            onChange={(event) => setFilter('topic', event.target.value)}
          >
            <option value="">Any topic</option>
            {articleTopics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
          <select
            aria-label="Agent"
            data-testid="search-agent"
            value={form.agentId}
            onChange={(event) => setFilter('agentId', event.target.value)}
          >
            <option value="">Any agent</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.id === me.id ? `${agent.name} (me)` : agent.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Site"
            data-testid="search-site"
            value={form.siteKey}
            onChange={(event) => setFilter('siteKey', event.target.value)}
          >
            <option value="">Any site</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
          <span className="search-dates">
            <input
              type="date"
              aria-label="Active from"
              data-testid="search-from"
              value={form.fromDate}
              onChange={(event) => setFilter('fromDate', event.target.value)}
            />
            <span aria-hidden="true">–</span>
            <input
              type="date"
              aria-label="Active until"
              data-testid="search-to"
              value={form.toDate}
              onChange={(event) => setFilter('toDate', event.target.value)}
            />
          </span>
        </div>
      </form>
      {error && <p className="banner banner-error">{error}</p>}
      <ul className="queue-list" data-testid="search-results">
        {hits.map((hit) => (
          <SearchResult
            key={hit.conversation.id}
            hit={hit}
            selected={hit.conversation.id === selectedId}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {searched && hits.length === 0 && !loading && <p className="queue-empty">No conversation matches.</p>}
      {nextCursor && (
        <button
          type="button"
          className="btn search-more"
          data-testid="search-more"
          disabled={loading}
          onClick={loadMore}
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

/** The agents the console knows of: itself and every assignee among the live conversations. */
function knownAgents(conversations: ConversationMap, me: { id: string; name: string }) {
  const byId = new Map([[me.id, me]]);
  for (const conversation of conversations.values()) {
    if (conversation.assignee) byId.set(conversation.assignee.id, conversation.assignee);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
