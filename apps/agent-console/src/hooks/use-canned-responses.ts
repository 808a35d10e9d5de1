import type { CannedResponseList } from '@hitl/shared/canned-responses';
import { listCannedResponses } from '../api/canned-responses';
import { type Remote, useRemote } from './use-remote';

const empty: CannedResponseList = { cannedResponses: [], siteName: '' };

/** The team's canned responses and the site name `{site}` stands for, loaded when the view opens. */
export function useCannedResponses(): Remote<CannedResponseList> {
  return useRemote(listCannedResponses, 'canned-responses', empty);
}
