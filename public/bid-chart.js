// Draws the chit page's "rate against discount" chart with Chart.js from the JSON block the page carries (strict CSP).
(() => {
  const source = document.getElementById("bid-chart-data");
  const canvas = document.getElementById("bid-chart");
  if (!source || !canvas || typeof window.Chart === "undefined") return;
  const data = JSON.parse(source.dataset.chart || "{}");
  const rupees = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });
  new window.Chart(canvas, {
    type: "line",
    data: {
      datasets: [
        {
          label: data.rateLabel,
          data: data.points,
          borderColor: "#0d6efd",
          backgroundColor: "#0d6efd",
          spanGaps: false,
        },
      ],
    },
    options: {
      responsive: true,
      aspectRatio: 2.5,
      parsing: true,
      scales: {
        x: {
          type: "linear",
          title: { display: true, text: data.discountLabel },
          ticks: { callback: (v) => rupees.format(v) },
        },
        y: { title: { display: true, text: data.rateLabel }, ticks: { callback: (v) => `${v}%` } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => `${rupees.format(ctx.parsed.x)}: ${ctx.parsed.y.toFixed(2)}%` } },
      },
    },
  });
})();
