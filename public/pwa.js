// Installs the service worker (offline reading, the share target), empties its private cache on signed-out pages,
// and, on a page shown offline, says that forms need a connection and keeps them from being sent.

// One scope of its own: classic scripts share the page's globals.
(() => {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    // A signed-out page (after log out, or before another member signs in): nothing private may stay on this device.
    // (The page shown offline for a page never opened is drawn signed out too, but says nothing about who is signed
    // in.)
    if (document.body.dataset.signedOut === "true" && !document.querySelector("[data-offline-page]")) {
      navigator.serviceWorker.ready
        .then((registration) => registration.active?.postMessage({ type: "clear-private" }))
        .catch(() => {});
    }
  }

  function markFormsOffline(offline) {
    const banner = document.querySelector("[data-offline-banner]");
    const text = banner?.dataset.formText ?? "This form needs a connection.";
    for (const form of document.querySelectorAll("main form")) {
      let note = form.querySelector("[data-needs-connection]");
      if (offline && !note) {
        note = document.createElement("p");
        note.className = "small text-danger mb-2";
        note.dataset.needsConnection = "true";
        note.textContent = text;
        form.prepend(note);
      }
      if (note) note.hidden = !offline;
      for (const button of form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"))
        button.disabled = offline;
    }
  }

  // The service worker marks a page it serves from its cache with data-offline on <html>.
  if (document.documentElement.dataset.offline === "true") markFormsOffline(true);
  window.addEventListener("offline", () => markFormsOffline(true));
  window.addEventListener("online", () => markFormsOffline(document.documentElement.dataset.offline === "true"));
})();
