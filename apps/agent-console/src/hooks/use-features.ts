import type { FeaturesResponse } from '@hitl/shared/rest';
import { fetchFeatures } from '../api/email-replies';
import { useRemote } from './use-remote';

const UNKNOWN: FeaturesResponse = { emailReplies: { enabled: false, from: null } };

/** The server's configuration-dependent features; read once per mount (they change only with a restart). */
export function useFeatures() {
  const { data, loading } = useRemote(fetchFeatures, 'features', UNKNOWN);
  return { features: data, loading };
}
