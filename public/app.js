// Small progressive enhancements; every page works without them. Loaded as a file (strict CSP: no inline scripts).
// Everything hangs off data-* attributes and event delegation, so pages need no script of their own.

/** A word from the page's language (the layout's ui-words), with {{name}} filled in. */
function uiWord(key, fill = {}) {
  let words = {};
  try {
    words = JSON.parse(document.querySelector('meta[name="ui-words"]')?.content || "{}");
  } catch {}
  return String(words[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name) => String(fill[name] ?? ""));
}

const formatSize = (bytes) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Files over the input's data-max-bytes: marks the input invalid with a message beside it; true when all fit. */
function checkFileSizes(input) {
  const max = Number(input.dataset.maxBytes);
  if (!max) return true;
  const tooLarge = [...(input.files ?? [])].filter((file) => file.size > max);
  const message = tooLarge.length
    ? uiWord(tooLarge.length === 1 ? "tooLargeOne" : "tooLargeMany", {
        files: tooLarge.map((f) => `${f.name} (${formatSize(f.size)})`).join(", "),
        limit: formatSize(max),
      })
    : "";
  const target = input.dataset.errorTarget ? document.getElementById(input.dataset.errorTarget) : null;
  if (target) target.textContent = message;
  input.classList.toggle("is-invalid", tooLarge.length > 0);
  input.setAttribute("aria-invalid", tooLarge.length > 0 ? "true" : "false");
  return tooLarge.length === 0;
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const inputs = [...form.querySelectorAll("input[type=file][data-max-bytes]")];
  const bad = inputs.filter((input) => !checkFileSizes(input));
  if (bad.length) {
    event.preventDefault();
    bad[0].focus();
    return;
  }
  const question = form.dataset.confirm;
  if (!question) return;
  if (!window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // The member said yes here, so the server need not ask again on its confirmation page.
  if (!form.querySelector("input[name=confirm]")) {
    const yes = document.createElement("input");
    yes.type = "hidden";
    yes.name = "confirm";
    yes.value = "yes";
    form.append(yes);
  }
});

document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.type === "file" && target.dataset.maxBytes) {
    checkFileSizes(target);
    describeDropped(target);
  }
  // A new payment's amount follows the chosen instalment's balance until the member types their own.
  if (target instanceof HTMLSelectElement && target.name === "instalment") {
    const scope = target.closest("[data-amount-defaults]");
    const amount = scope?.querySelector("input[name=amount]");
    const suggested = target.selectedOptions[0]?.dataset.amount;
    if (amount && suggested !== undefined && amount.dataset.typed !== "true") amount.value = suggested;
  }
});

document.addEventListener("input", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.name === "amount") target.dataset.typed = "true";
});

// Drag and drop onto a zone adds the files to its file input (the zone is hidden until this script shows it).
function describeDropped(input) {
  const zone = document.querySelector(`[data-dropzone-for="${input.id}"]`);
  const list = zone?.querySelector("[data-dropzone-list]");
  if (list)
    list.textContent = input.files?.length
      ? uiWord("chosen", { files: [...input.files].map((f) => f.name).join(", ") })
      : "";
}

for (const zone of document.querySelectorAll("[data-dropzone-for]")) {
  const input = document.getElementById(zone.dataset.dropzoneFor);
  if (!(input instanceof HTMLInputElement) || typeof DataTransfer === "undefined") continue;
  zone.hidden = false;
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragover");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragover"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragover");
    const merged = new DataTransfer();
    for (const file of input.files ?? []) merged.items.add(file);
    for (const file of event.dataTransfer?.files ?? []) merged.items.add(file);
    input.files = merged.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}
