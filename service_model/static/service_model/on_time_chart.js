// Draws the on-time rate (percent per month) whose numbers the page passes through json_script; no inline script,
// the CSP forbids it. The same numbers are in the table below the chart, which is the chart's text alternative.
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
        plugins: { legend: { display: false } },
        scales: { y: { min: 0, max: 100, ticks: { callback: function (value) { return value + " %"; } } } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
