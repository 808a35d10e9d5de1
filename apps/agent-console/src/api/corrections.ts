import type { Correction, ReviewStatus } from '@hitl/shared/models';
import {
  type CorrectionStatsResponse,
  correctionResponseSchema,
  correctionStatsResponseSchema,
  type ExportFormat,
} from '@hitl/shared/rest';
import {
  type CorrectionListResponse,
  correctionListResponseSchema,
  type ReviewOrder,
} from '@hitl/shared/review-items';
import { type CorrectionFilters, filterParams } from '../lib/correction-query';
import { fetchParsed } from './http';

export type { CorrectionStatusFilter } from '../lib/correction-query';
export type ReviewDecision = Exclude<ReviewStatus, 'pending'>;
export type ExportStatus = 'approved' | 'any';

/**
 * A reviewer's verdict; `correctedText` replaces the author's text (approval only). `expectedStatus`
 * is the status the reviewer saw: when someone else reviewed meanwhile, the server refuses (409).
 */
export type ReviewInput = {
  status: ReviewDecision;
  note?: string;
  correctedText?: string;
  expectedStatus?: ReviewStatus;
  /** From the correction being shown (or the previous decision) to this one. */
  timeSpentMs?: number;
};

/** Corrections matching the filters in the chosen order, with what reviewing each is worth (by id). */
export async function listCorrections(
  filters: CorrectionFilters,
  order: ReviewOrder = 'newest',
): Promise<CorrectionListResponse> {
  const params = filterParams(filters);
  params.set('order', order);
  return fetchParsed(correctionListResponseSchema, `/api/corrections?${params}`);
}

/** Counts over every review status of the corrections matching the other filters. */
export function fetchCorrectionStats(filters: CorrectionFilters): Promise<CorrectionStatsResponse> {
  return fetchParsed(correctionStatsResponseSchema, `/api/corrections/stats?${filterParams(filters, 'any')}`);
}

export async function reviewCorrection(id: string, input: ReviewInput): Promise<Correction> {
  const body: ReviewInput = { status: input.status };
  if (input.note?.trim()) body.note = input.note.trim();
  if (input.correctedText !== undefined) body.correctedText = input.correctedText;
  if (input.expectedStatus !== undefined) body.expectedStatus = input.expectedStatus;
  if (input.timeSpentMs !== undefined) body.timeSpentMs = input.timeSpentMs;
  const { correction } = await fetchParsed(
    correctionResponseSchema,
    `/api/corrections/${encodeURIComponent(id)}/review`,
    { method: 'POST', body },
  );
  return correction;
}

/** A download of the corrections matching the page's filters, with the chosen review status. */
export function exportUrl(format: ExportFormat, status: ExportStatus, filters: CorrectionFilters): string {
  const params = filterParams(filters, status);
  params.set('format', format);
  return `/api/exports/corrections?${params}`;
}
