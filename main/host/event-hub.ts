import { hostEvents, type EventName, type EventPayload } from '../../shared/contract/host-contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Fan-out of host events to whichever bridges are attached. */
export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Returns the disposer that detaches the listener. */
  on(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      // Validate at the source so a bad event is a bug in main, not a surprise in the renderer.
      const checked = hostEvents[name].parse(payload);
      for (const listener of listeners) listener(name, checked);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
