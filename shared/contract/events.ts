// Owns the events the core pushes to the renderer, by name and payload schema.
import { z } from 'zod';
import { sessionViewSchema, syncStateSchema } from './procedures';

export const events = {
  /** The desk session changed: signed in, locked, unlocked, taken over or signed out. */
  'session.changed': z.object({ session: sessionViewSchema.nullable() }),
  'sync.status': syncStateSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export interface DeskEvent<N extends EventName = EventName> {
  name: N;
  payload: EventPayload<N>;
}
