import { type TeamResponse, teamResponseSchema } from '@hitl/shared/team-presence';
import { fetchParsed } from './http';

/** The active team with presence and load, and the assignment settings in force. */
export function fetchTeam(): Promise<TeamResponse> {
  return fetchParsed(teamResponseSchema, '/api/team');
}
