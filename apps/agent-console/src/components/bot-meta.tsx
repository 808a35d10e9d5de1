import type { BotMeta } from '@hitl/shared/models';
import { confidenceBand, formatConfidence } from '../lib/format';

export function ConfidenceBadge({ confidence }: { confidence: number }) {
  return (
    <span
      className={`confidence confidence-${confidenceBand(confidence)}`}
      data-testid="confidence"
      title="Model confidence"
    >
      {formatConfidence(confidence)}
    </span>
  );
}

/** Where a bot reply came from and what else it considered, in small print under the reply. */
export function BotMetaLine({ bot }: { bot: BotMeta }) {
  if (bot.sources.length === 0 && bot.alternatives.length === 0) return null;
  return (
    <div className="bot-meta">
      {bot.sources.length > 0 && (
        <span className="bot-meta-group">
          <span className="bot-meta-label">Sources</span>
          {bot.sources.map((source) => source.title).join(', ')}
        </span>
      )}
      {bot.alternatives.length > 0 && (
        <span className="bot-meta-group">
          <span className="bot-meta-label">Alternatives</span>
          {bot.alternatives
            .map((alternative) => `${alternative.title} (${formatConfidence(alternative.confidence)})`)
            .join(', ')}
        </span>
      )}
    </div>
  );
}
