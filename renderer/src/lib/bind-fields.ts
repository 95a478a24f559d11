// Owns binding a form's fields to one record: each field reads its value from the record and writes a copy with its
// own key changed, typed by what the key holds (text, a number, a tick). Forms keep one record in state (settings,
// a decision draft) instead of one hand-written `onChange={(e) => set({ ...record, key: e.target.value })}` per field.
import type { ChangeEvent } from 'react';

type KeysHolding<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];
type Typed = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

export function bindFields<T extends object>(record: T, onChange: (next: T) => void) {
  const set = <K extends keyof T>(key: K, value: T[K]) => onChange({ ...record, [key]: value });
  return {
    set,
    /**
     * A text field, select or textarea. `shape` turns what was typed into what is kept (capitals for a code, say);
     * a select's options come from the key's own list, so its value is that key's type.
     */
    text: <K extends KeysHolding<T, string>>(key: K, shape: (typed: string) => string = (typed) => typed) => ({
      value: record[key] as string,
      onChange: (event: Typed) => set(key, shape(event.target.value) as T[K]),
    }),
    number: <K extends KeysHolding<T, number>>(key: K) => ({
      value: record[key] as number,
      onChange: (event: Typed) => set(key, Number(event.target.value) as T[K]),
    }),
    checkbox: <K extends KeysHolding<T, boolean>>(key: K) => ({
      checked: record[key] as boolean,
      onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.target.checked as T[K]),
    }),
  };
}
