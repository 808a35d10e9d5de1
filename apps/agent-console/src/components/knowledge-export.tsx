import type { KnowledgeFormat } from '@hitl/shared/knowledge';
import { knowledgeExportUrl } from '../api/knowledge';

const formats: readonly { id: KnowledgeFormat; label: string }[] = [
  { id: 'json', label: 'JSON' },
  { id: 'csv', label: 'CSV' },
  { id: 'markdown', label: 'Markdown' },
];

/** Downloads of the active articles, in the formats an import reads. */
export function KnowledgeExport() {
  return (
    <span className="export-links" data-testid="kb-export">
      <span className="muted small">Export</span>
      {formats.map(({ id, label }) => (
        <a
          key={id}
          className="btn btn-small"
          href={knowledgeExportUrl(id, 'active')}
          download
          data-testid={`kb-export-${id}`}
        >
          {label}
        </a>
      ))}
    </span>
  );
}
