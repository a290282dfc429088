// Live in-app notifications: listens to /events (Server-Sent Events), shows each new notification as a Bootstrap toast
// and keeps the unread badge beside "Notifications" current. Loaded as a file (strict CSP: no inline scripts).
// EventSource reconnects by itself (the server sends retry: 5000 and the last event id), so a restart or a proxy
// timeout costs nothing; without EventSource the badge is filled once from /notifications/unread-count.

// uiWord (the page's words for toasts) comes from app.js, which the layout loads first.
const badge = document.querySelector("[data-unread-count]");
const badgeNumber = badge?.querySelector("[data-unread-number]");
const toasts = document.querySelector("[data-live-toasts]");

function showUnread(count) {
  if (!badge || !badgeNumber) return;
  badgeNumber.textContent = String(count);
  badge.hidden = !(count > 0);
}

/** A toast built from text nodes only (never innerHTML), so a notification's words cannot become markup. */
function showToast(notification) {
  if (!toasts) return;
  const toast = document.createElement("div");
  toast.className = "toast";
  toast.setAttribute("role", "status");
  toast.setAttribute("aria-atomic", "true");
  const header = document.createElement("div");
  header.className = "toast-header";
  const title = document.createElement("strong");
  title.className = "me-auto";
  title.textContent = uiWord(
    notification.kind === "overdue"
      ? "toastOverdue"
      : notification.kind === "reminder"
        ? "toastReminder"
        : "toastNotification",
  );
  const close = document.createElement("button");
  close.type = "button";
  close.className = "btn-close";
  close.setAttribute("data-bs-dismiss", "toast");
  close.setAttribute("aria-label", uiWord("close"));
  header.append(title, close);
  const body = document.createElement("div");
  body.className = "toast-body";
  body.textContent = notification.message;
  // Only links within this site are followed.
  if (
    typeof notification.link === "string" &&
    notification.link.startsWith("/") &&
    !notification.link.startsWith("//")
  ) {
    const link = document.createElement("a");
    link.href = notification.link;
    link.className = "d-block mt-1";
    link.textContent = uiWord("open");
    body.append(link);
  }
  toast.append(header, body);
  toasts.append(toast);
  toast.addEventListener("hidden.bs.toast", () => toast.remove());
  const Toast = window.bootstrap?.Toast;
  if (Toast) Toast.getOrCreateInstance(toast, { delay: 8000 }).show();
  else {
    toast.classList.add("show");
    close.addEventListener("click", () => toast.remove());
    setTimeout(() => toast.remove(), 8000);
  }
}

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("unread", (event) => {
    const body = parse(event);
    if (body && typeof body.unread === "number") showUnread(body.unread);
  });
  events.addEventListener("notification", (event) => {
    const notification = parse(event);
    if (notification && typeof notification.message === "string") showToast(notification);
  });
  return events;
}

if (badge && typeof EventSource === "function") {
  let events = connect();
  // Leaving the page closes the stream at once; coming back to it (the back button's page cache) opens a new one.
  window.addEventListener("pagehide", () => events.close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) events = connect();
  });
} else if (badge) {
  fetch("/notifications/unread-count", { headers: { accept: "application/json" }, credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => body && showUnread(body.unread))
    .catch(() => {});
}
