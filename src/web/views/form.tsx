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
  placeholder?: string;
  /** A short note beside the label (e.g. "read from the screenshot" on a field filled in from a payment screenshot). */
  note?: string;
};

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.help ? `${id}-help` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {p.label}
        {p.note && (
          <span class="badge text-bg-info ms-2 fw-normal" data-read-badge>
            {p.note}
          </span>
        )}
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
        placeholder={p.placeholder}
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
  /** `data` becomes data-* attributes on the option, for public/app.js. */
  options: { value: string; label: string; data?: Record<string, string> }[];
  value?: string | null;
  error?: string | undefined;
  help?: string;
};

export function Select(p: SelectProps) {
  const id = `f-${p.name}`;
  const described = [p.help ? `${id}-help` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {p.label}
      </label>
      <select
        class={`form-select${p.error ? " is-invalid" : ""}`}
        id={id}
        name={p.name}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} {...Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
            {o.label}
          </option>
        ))}
      </select>
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

export function Textarea(p: {
  name: string;
  label: string;
  value?: string | null;
  error?: string | undefined;
  help?: string;
  maxlength?: number;
  rows?: number;
}) {
  const id = `f-${p.name}`;
  const described = [p.help ? `${id}-help` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {p.label}
      </label>
      <textarea
        class={`form-control${p.error ? " is-invalid" : ""}`}
        id={id}
        name={p.name}
        rows={p.rows ?? 3}
        maxlength={p.maxlength}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      >
        {p.value ?? ""}
      </textarea>
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

/** A yes/no setting. An unticked box sends nothing, so a hidden "false" goes first and a ticked box overrides it. */
export function Checkbox(p: { name: string; label: string; checked?: boolean; error?: string | undefined; help?: string }) {
  const id = `f-${p.name}`;
  const described = [p.help ? `${id}-help` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="mb-3 form-check">
      <input type="hidden" name={p.name} value="false" />
      <input
        class={`form-check-input${p.error ? " is-invalid" : ""}`}
        type="checkbox"
        id={id}
        name={p.name}
        value="true"
        checked={p.checked}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      />
      <label class="form-check-label" for={id}>
        {p.label}
      </label>
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

/** A file chooser; `maxBytes` lets public/app.js refuse a file that is too large before it is uploaded. */
export function FileInput(p: {
  name: string;
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  capture?: "environment" | "user";
  maxBytes?: number;
  error?: string | undefined;
  help?: string;
  class?: string;
}) {
  const id = p.id;
  const described = [p.help ? `${id}-help` : "", `${id}-error`].filter(Boolean).join(" ");
  return (
    <div class={`mb-3${p.class ? ` ${p.class}` : ""}`}>
      <label class="form-label" for={id}>
        {p.label}
      </label>
      <input
        class={`form-control${p.error ? " is-invalid" : ""}`}
        type="file"
        id={id}
        name={p.name}
        accept={p.accept}
        multiple={p.multiple}
        capture={p.capture}
        data-max-bytes={p.maxBytes}
        data-error-target={`${id}-error`}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      />
      {p.help && (
        <div class="form-text" id={`${id}-help`}>
          {p.help}
        </div>
      )}
      <div class="invalid-feedback" id={`${id}-error`} aria-live="polite">
        {p.error ?? ""}
      </div>
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
  /** A question public/app.js asks before sending; it then adds confirm=yes (see ConfirmDeleteView for the no-JS path). */
  confirm?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} enctype={props.enctype} aria-label={props.label} data-confirm={props.confirm} novalidate>
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
