// Owns the shared form pieces: labelled fields, an error beside its field, the error and notice banners, and the large
// buttons.
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

export function TextField({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

export function SelectField({ label, children, ...select }: { label: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  );
}

export function Button({ variant = 'primary', ...button }: { variant?: 'primary' | 'secondary' | 'danger' } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" {...button} className={`button button-${variant} ${button.className ?? ''}`} />;
}

export function ErrorBanner({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="banner banner-error" role="alert">
      {text}
    </div>
  );
}

export function NoticeBanner({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="banner banner-notice" role="status">
      {text}
    </div>
  );
}

/** An error beside its field, announced when it appears (empty, and silent, while there is none). */
export function FieldError({ id, text }: { id: string; text: ReactNode }) {
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}

/**
 * What ties a field to its FieldError: invalid while the error stands, and described by what always describes it
 * (a hint, the full text of a choice) followed by the error. One rule for every field that can be refused.
 */
export function errorLink(error: ReactNode, errorId: string, describedBy?: string) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [describedBy, error ? errorId : ''].filter(Boolean).join(' ') || undefined,
  };
}
