import { type AnalyticsResponse, analyticsResponseSchema } from '@hitl/shared/analytics';
import { fetchParsed } from './http';

export interface AnalyticsParams {
  from: string;
  to: string;
  siteKey: string;
  topic: string;
  accuracy: number;
}

export function fetchAnalytics(params: AnalyticsParams): Promise<AnalyticsResponse> {
  const query = new URLSearchParams({ from: params.from, to: params.to, accuracy: String(params.accuracy) });
  if (params.siteKey !== '') query.set('siteKey', params.siteKey);
  if (params.topic !== '') query.set('topic', params.topic);
  return fetchParsed(analyticsResponseSchema, `/api/analytics?${query}`);
}
