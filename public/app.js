// Small progressive enhancements; every page works without them. Loaded as a file (strict CSP: no inline scripts).
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
  if (question && !window.confirm(question)) event.preventDefault();
});
