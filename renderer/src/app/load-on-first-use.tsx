import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code is a chunk of its own, fetched the first time it is shown (so that the
 * first screen does not wait for it to be parsed); `fallback` stands in while it loads.
 */
export function loadOnFirstUse<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LoadedOnFirstUse(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
