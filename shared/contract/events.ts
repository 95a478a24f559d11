// Owns the events the core pushes to the renderer, by name and payload schema.
import { z } from 'zod';
import { sessionViewSchema } from './session';
import { syncStateSchema } from './sync';

export const events = {
  /** The desk session changed: signed in, locked, unlocked, taken over or signed out. */
  'session.changed': z.object({ session: sessionViewSchema.nullable() }),
  'sync.status': syncStateSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
/** One event, discriminated by name so that checking the name narrows the payload. */
export type DeskEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
