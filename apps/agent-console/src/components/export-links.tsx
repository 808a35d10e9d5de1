import { useState } from 'react';
import { type ExportStatus, exportUrl } from '../api/corrections';
import type { CorrectionFilters } from '../lib/correction-query';
import { exportFormatLabels, keysOf } from '../lib/labels';

const formats = keysOf(exportFormatLabels);

/** Downloads of the corrections matching the page's filters (kind, reason, topic, author, dates). */
export function ExportLinks({ filters }: { filters: CorrectionFilters }) {
  const [status, setStatus] = useState<ExportStatus>('approved');

  return (
    <div className="export-links" data-testid="export-links">
      <span className="muted">Export</span>
      <select
        aria-label="Corrections to export"
        data-testid="export-status"
        value={status}
        onChange={(event) => setStatus(event.target.value === 'any' ? 'any' : 'approved')}
      >
        <option value="approved">approved</option>
        <option value="any">all</option>
      </select>
      {formats.map((format) => (
        <a
          key={format}
          className="btn btn-small"
          href={exportUrl(format, status, filters)}
          download
          data-testid={`export-${format}`}
          title={exportFormatLabels[format]}
        >
          {format}
        </a>
      ))}
    </div>
  );
}
