// The one way to render a form field with its label, help and error (FieldShell), the controls built on it, and a form
// with its CSRF token.
import type { Child } from "hono/jsx";

/** The attributes that tie a control to its help and error text, for screen readers. */
type Described = { "aria-invalid"?: "true"; "aria-describedby"?: string };

type ShellProps = {
  /** The control's id: the label points at it, and `${id}-help` / `${id}-error` hold the help and error. */
  id: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  /** A short note beside the label (e.g. "read from the screenshot" on a field filled in from a payment screenshot). */
  note?: string | undefined;
  /** A tick box: its label follows it (Bootstrap's form-check). */
  check?: boolean;
  /** The error line is always there and announced when it changes (public/app.js writes into it). */
  liveError?: boolean;
  class?: string | undefined;
  /** The control itself, given the aria attributes that tie it to the help and error. */
  control: (described: Described) => Child;
};

/** Label, control, help and error: the markup every field shares, so each control only says what is its own. */
export function FieldShell(p: ShellProps) {
  const helpId = `${p.id}-help`;
  const errorId = `${p.id}-error`;
  const describedBy = [p.help ? helpId : "", p.error || p.liveError ? errorId : ""].filter(Boolean).join(" ");
  const label = (
    <label class={p.check ? "form-check-label" : "form-label"} for={p.id}>
      {p.label}
      {p.note && (
        <span class="badge text-bg-info ms-2 fw-normal" data-read-badge>
          {p.note}
        </span>
      )}
    </label>
  );
  return (
    <div class={["mb-3", p.check ? "form-check" : "", p.class ?? ""].filter(Boolean).join(" ")}>
      {!p.check && label}
      {p.control({
        ...(p.error ? { "aria-invalid": "true" } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {p.check && label}
      {p.help && (
        <div class="form-text" id={helpId}>
          {p.help}
        </div>
      )}
      {p.liveError ? (
        <div class="invalid-feedback" id={errorId} aria-live="polite">
          {p.error ?? ""}
        </div>
      ) : (
        p.error && (
          <div class="invalid-feedback" id={errorId}>
            {p.error}
          </div>
        )
      )}
    </div>
  );
}

const invalid = (base: string, error: string | undefined) => `${base}${error ? " is-invalid" : ""}`;

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
  return (
    <FieldShell
      id={id}
      label={p.label}
      help={p.help}
      error={p.error}
      note={p.note}
      control={(described) => (
        <input
          class={invalid("form-control", p.error)}
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
          {...described}
        />
      )}
    />
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
  return (
    <FieldShell
      id={id}
      label={p.label}
      help={p.help}
      error={p.error}
      control={(described) => (
        <select class={invalid("form-select", p.error)} id={id} name={p.name} {...described}>
          {p.options.map((o) => (
            <option
              value={o.value}
              selected={o.value === p.value}
              {...Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
            >
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
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
  return (
    <FieldShell
      id={id}
      label={p.label}
      help={p.help}
      error={p.error}
      control={(described) => (
        <textarea
          class={invalid("form-control", p.error)}
          id={id}
          name={p.name}
          rows={p.rows ?? 3}
          maxlength={p.maxlength}
          {...described}
        >
          {p.value ?? ""}
        </textarea>
      )}
    />
  );
}

/** A yes/no setting. An unticked box sends nothing, so a hidden "false" goes first and a ticked box overrides it. */
export function Checkbox(p: {
  name: string;
  label: string;
  checked?: boolean;
  error?: string | undefined;
  help?: string;
}) {
  const id = `f-${p.name}`;
  return (
    <FieldShell
      id={id}
      label={p.label}
      help={p.help}
      error={p.error}
      check
      control={(described) => (
        <>
          <input type="hidden" name={p.name} value="false" />
          <input
            class={invalid("form-check-input", p.error)}
            type="checkbox"
            id={id}
            name={p.name}
            value="true"
            checked={p.checked}
            {...described}
          />
        </>
      )}
    />
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
  return (
    <FieldShell
      id={p.id}
      label={p.label}
      help={p.help}
      error={p.error}
      liveError
      class={p.class}
      control={(described) => (
        <input
          class={invalid("form-control", p.error)}
          type="file"
          id={p.id}
          name={p.name}
          accept={p.accept}
          multiple={p.multiple}
          capture={p.capture}
          data-max-bytes={p.maxBytes}
          data-error-target={`${p.id}-error`}
          {...described}
        />
      )}
    />
  );
}

export function Form(props: {
  action: string;
  csrfToken: string;
  children: Child;
  class?: string;
  enctype?: "multipart/form-data" | "application/x-www-form-urlencoded";
  label?: string;
  /**
   * A question public/app.js asks before sending; it then adds confirm=yes (see ConfirmDeleteView for the no-JS path).
   */
  confirm?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      enctype={props.enctype}
      aria-label={props.label}
      data-confirm={props.confirm}
      novalidate
    >
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
