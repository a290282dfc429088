// Reads a payment screenshot as soon as it is chosen on the new-payment form (POST /api/v1/receipts/read) and fills the
// amount, date and reference the member has not typed themselves, each marked "read from the screenshot". While the
// member's amount or reference differs from what the screenshot shows, a note under the field says so.

// One scope of its own: classic scripts share the page's globals.
(() => {
  const status = document.querySelector("[data-read-status]");
  const form = status?.closest("form");

  if (status && form) {
    const text = status.dataset;
    const field = (name) => form.querySelector(`[name=${name}]`);
    const shownInput = (what) => form.querySelector(`[data-screenshot-shown=${what}]`);
    const typed = new Set();
    form.addEventListener("input", (event) => {
      if (event.target instanceof HTMLInputElement) typed.add(event.target.name);
    });

    const rupees = (value) => {
      const digits = { minimumFractionDigits: Number(value) % 1 ? 2 : 0, maximumFractionDigits: 2 };
      return `₹${Number(value).toLocaleString("en-IN", digits)}`;
    };

    function badge(input) {
      const label = form.querySelector(`label[for="${input.id}"]`);
      if (!label || label.querySelector("[data-read-badge]")) return;
      const mark = document.createElement("span");
      mark.className = "badge text-bg-info ms-2 fw-normal";
      mark.dataset.readBadge = "true";
      mark.textContent = text.textRead;
      label.append(mark);
    }

    /** A field counts as empty while it holds what the page put there and the member has not typed in it. */
    function fill(name, value) {
      const input = field(name);
      if (!input || value === null || value === undefined || value === "") return false;
      const untouched = !typed.has(name) && (input.value === "" || input.value === input.defaultValue);
      if (!untouched) return false;
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      badge(input);
      return true;
    }

    /** A note under the amount or reference while it differs from what the screenshot shows. */
    function compare() {
      for (const [name, what, show] of [
        ["amount", "amount", (v) => text.textShownAmount.replace("{amount}", rupees(v))],
        ["reference", "reference", (v) => text.textShownReference.replace("{reference}", v)],
      ]) {
        const input = field(name);
        const shown = shownInput(what)?.value ?? "";
        if (!input) continue;
        let note = input.parentElement.querySelector("[data-screenshot-differs]");
        const own = name === "amount" ? input.value.replace(/[₹,\s]/g, "") : input.value.trim();
        const differs =
          shown !== "" && own !== "" && (name === "amount" ? Number(own) !== Number(shown) : own !== shown);
        if (differs && !note) {
          note = document.createElement("div");
          note.className = "form-text text-warning-emphasis";
          note.dataset.screenshotDiffers = "true";
          input.after(note);
        }
        if (note) {
          note.hidden = !differs;
          note.textContent = differs ? show(shown) : "";
        }
      }
    }
    form.addEventListener("input", compare);
    compare();

    async function read(file) {
      status.textContent = text.textReading;
      const body = new FormData();
      body.append("file", file);
      const token = document.querySelector("meta[name=csrf-token]")?.content ?? "";
      try {
        const response = await fetch(status.dataset.readUrl, {
          method: "POST",
          body,
          headers: { "x-csrf-token": token },
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(String(response.status));
        const found = await response.json();
        if (shownInput("amount")) shownInput("amount").value = found.amount ?? "";
        if (shownInput("reference")) shownInput("reference").value = found.reference ?? "";
        const filled = [
          fill("amount", found.amount === null ? null : String(found.amount)),
          fill("paidOn", found.paidOn),
          fill("reference", found.reference),
        ].some(Boolean);
        const anything = [found.amount, found.paidOn, found.reference, found.payee].some((v) => v !== null);
        status.textContent = anything || filled ? "" : text.textNothing;
        compare();
      } catch {
        status.textContent = text.textFailed;
      }
    }

    form.addEventListener("change", (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
      const image = [...(input.files ?? [])].find((f) => f.type.startsWith("image/") || /\.(heic|heif)$/i.test(f.name));
      const max = Number(input.dataset.maxBytes);
      if (image && (!max || image.size <= max)) read(image);
    });
  }

  // The chit chooser of a shared payment sends itself when a chit is picked (its button stays for pages without
  // scripts).
  for (const chooser of document.querySelectorAll("form[data-autosubmit] select")) {
    chooser.addEventListener("change", () => chooser.form?.requestSubmit());
  }
})();
