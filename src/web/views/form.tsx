// The one way to render a form field with its label, help and error, and a form with its CSRF token.
import type { Child } from "hono/jsx";

export type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "number" | "date" | "search";
  value?: string | number | null;
  error?: string | undefined;
  help?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "numeric" | "decimal" | "email" | "tel" | "text";
  maxlength?: number;
  pattern?: string;
  autofocus?: boolean;
  min?: string;
  max?: string;
  step?: string;
};

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.help ? `${id}-help` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {p.label}
      </label>
      <input
        class={`form-control${p.error ? " is-invalid" : ""}`}
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.type === "password" ? undefined : (p.value ?? undefined)}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        pattern={p.pattern}
        autofocus={p.autofocus}
        min={p.min}
        max={p.max}
        step={p.step}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      />
      {p.help && (
        <div class="form-text" id={`${id}-help`}>
          {p.help}
        </div>
      )}
      {p.error && (
        <div class="invalid-feedback" id={`${id}-error`}>
          {p.error}
        </div>
      )}
    </div>
  );
}

export type SelectProps = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  error?: string | undefined;
  help?: string;
};

export function Select(p: SelectProps) {
  const id = `f-${p.name}`;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {p.label}
      </label>
      <select class={`form-select${p.error ? " is-invalid" : ""}`} id={id} name={p.name} aria-invalid={p.error ? "true" : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.help && <div class="form-text">{p.help}</div>}
      {p.error && <div class="invalid-feedback">{p.error}</div>}
    </div>
  );
}

export function Form(props: {
  action: string;
  csrfToken: string;
  children: Child;
  class?: string;
  enctype?: "multipart/form-data" | "application/x-www-form-urlencoded";
  label?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} enctype={props.enctype} aria-label={props.label} novalidate>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.children}
    </form>
  );
}

/** The message shown above a form when some fields are wrong, or a form-level error. */
export function FormError(props: { message?: string | null }) {
  if (!props.message) return null;
  return (
    <div class="alert alert-danger" role="alert">
      {props.message}
    </div>
  );
}
