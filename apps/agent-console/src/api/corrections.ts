import type { Correction, ReviewStatus } from '@hitl/shared/models';
import type { ExportFormat } from '@hitl/shared/rest';
import { fetchJson } from './http';

export type CorrectionStatusFilter = ReviewStatus | 'any';
export type ReviewDecision = Exclude<ReviewStatus, 'pending'>;
export type ExportStatus = 'approved' | 'any';

export async function listCorrections(status: CorrectionStatusFilter): Promise<Correction[]> {
  const query = new URLSearchParams({ status });
  const { corrections } = await fetchJson<{ corrections: Correction[] }>(`/api/corrections?${query}`);
  return corrections;
}

export async function reviewCorrection(
  id: string,
  status: ReviewDecision,
  note?: string,
): Promise<Correction> {
  const body = note ? { status, note } : { status };
  const { correction } = await fetchJson<{ correction: Correction }>(
    `/api/corrections/${encodeURIComponent(id)}/review`,
    { method: 'POST', body },
  );
  return correction;
}

export function exportUrl(format: ExportFormat, status: ExportStatus): string {
  return `/api/exports/corrections?${new URLSearchParams({ format, status })}`;
}
