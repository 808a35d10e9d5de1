import type { EscalationPolicy } from '@hitl/shared/policy';
import type { PolicyResponse } from '@hitl/shared/rest';
import { useCallback, useEffect, useState } from 'react';
import { fetchPolicy, savePolicy } from '../api/admin';
import { errorMessage } from '../api/api-error';

/** The escalation policy as the server has it; `save` throws the server's refusal so the form can show it. */
export function usePolicy() {
  const [current, setCurrent] = useState<PolicyResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchPolicy()
      .then((response) => {
        if (!cancelled) setCurrent(response);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const save = useCallback(async (policy: EscalationPolicy) => {
    const response = await savePolicy(policy);
    setCurrent(response);
    return response;
  }, []);

  /** A change made elsewhere (applied threshold advice) replaces what is shown. */
  const replace = useCallback((response: PolicyResponse) => setCurrent(response), []);

  return { current, error, save, replace };
}
