import { useCallback, useEffect, useState } from 'react';
import type { CorpusChange, CorpusListing } from '../../../shared/model/article';
import { useAppServices } from '../app/app-services';
import { applyCorpusChange } from './apply-corpus-change';

export interface CorpusState {
  listing: CorpusListing | null;
  loading: boolean;
  error: string | null;
  /** Bumped on every change so open articles know to reload. */
  lastChange: CorpusChange | null;
  open(root: string): Promise<boolean>;
}

/** The open corpus as main reports it, kept current by `corpus.changed` events. */
export function useCorpus(): CorpusState {
  const { client, initialListing } = useAppServices();
  const [listing, setListing] = useState<CorpusListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<CorpusChange | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (initialListing ?? client.request('corpus.list', {})).then((result) => {
      if (cancelled) return;
      setLoading(false);
      if (result.ok) setListing(result.value);
      else setError(result.error.message);
    });
    const unsubscribe = client.subscribe('corpus.changed', (change) => {
      setListing((current) => (current ? applyCorpusChange(current, change) : current));
      setLastChange(change);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client, initialListing]);

  const open = useCallback(
    async (root: string) => {
      setLoading(true);
      const result = await client.request('corpus.open', { root });
      setLoading(false);
      if (!result.ok) {
        setError(result.error.message);
        return false;
      }
      setError(null);
      setListing(result.value);
      return true;
    },
    [client],
  );

  return { listing, loading, error, lastChange, open };
}
