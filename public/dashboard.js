// Draws the dashboard charts with Chart.js from the JSON block the page carries (no inline script: strict CSP).
(() => {
  const source = document.getElementById("dashboard-data");
  if (!source || typeof window.Chart === "undefined") return;
  const data = JSON.parse(source.dataset.chart || "{}");
  const rupees = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });
  const words = JSON.parse(document.querySelector('meta[name="ui-words"]')?.content || "{}");
  // Month names in the page's language, with Latin digits (as amounts are).
  const lang = `${document.documentElement.lang || "en"}-IN-u-nu-latn`;
  const label = (m) =>
    new Date(`${m}-01T00:00:00Z`).toLocaleDateString(lang, { month: "short", year: "2-digit", timeZone: "UTC" });
  const palette = [
    "#0d6efd",
    "#198754",
    "#fd7e14",
    "#6f42c1",
    "#d63384",
    "#20c997",
    "#ffc107",
    "#0dcaf0",
    "#6c757d",
    "#dc3545",
  ];
  const money = { ticks: { callback: (v) => rupees.format(v) } };
  const tooltip = { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${rupees.format(ctx.parsed.y)}` } };
  new window.Chart(document.getElementById("chart-monthly"), {
    type: "bar",
    data: {
      labels: data.months.map(label),
      datasets: data.byChit.map((c, i) => ({
        label: c.name,
        data: c.paid,
        backgroundColor: palette[i % palette.length],
      })),
    },
    options: {
      responsive: true,
      scales: { x: { stacked: true }, y: { stacked: true, ...money } },
      plugins: { tooltip },
    },
  });
  new window.Chart(document.getElementById("chart-cumulative"), {
    type: "line",
    data: {
      labels: data.months.map(label),
      datasets: [
        {
          label: words.chartPaid ?? "Paid",
          data: data.cumulativePaid,
          borderColor: "#198754",
          backgroundColor: "#198754",
        },
        {
          label: words.chartExpected ?? "Expected (payable due)",
          data: data.cumulativeExpected,
          borderColor: "#6c757d",
          backgroundColor: "#6c757d",
          borderDash: [6, 4],
        },
      ],
    },
    options: { responsive: true, scales: { y: money }, plugins: { tooltip } },
  });
})();
