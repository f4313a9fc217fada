// Draws each chart whose numbers the page passes through json_script (no inline script: the CSP forbids it).
// Every chart's numbers are also in a table on the same page, which is the chart's text alternative.
(function () {
  "use strict";

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        locale: document.documentElement.lang || "fi",
        animation: false,
        spanGaps: true,
        plugins: { legend: { display: spec.datasets.length > 1 } },
        scales: { y: { beginAtZero: spec.type === "bar" } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
