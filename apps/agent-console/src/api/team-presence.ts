import {
  type AssignmentMode,
  type AssignmentSettingsView,
  assignmentSettingsSchema,
  type TeamResponse,
  teamResponseSchema,
} from '@hitl/shared/team-presence';
import { fetchParsed } from './http';

/** The active team with presence and load, and the assignment settings in force. */
export function fetchTeam(): Promise<TeamResponse> {
  return fetchParsed(teamResponseSchema, '/api/team');
}

/** Admins: manual claims or automatic assignment, on every node at once. */
export function saveAssignmentMode(mode: AssignmentMode): Promise<AssignmentSettingsView> {
  return fetchParsed(assignmentSettingsSchema, '/api/admin/assignment', { method: 'PUT', body: { mode } });
}
