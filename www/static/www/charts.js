// Draws each chart whose numbers the page passes through json_script (no inline script: the CSP forbids it).
// Every chart's numbers are also in a table on the same page, which is the chart's text alternative.
// A spec with `percent` draws its y axis from 0 to 100 with a per cent sign.
(function () {
  "use strict";

  var percentAxis = { min: 0, max: 100, ticks: { callback: function (value) { return value + " %"; } } };

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
        scales: { y: spec.percent ? percentAxis : { beginAtZero: spec.type === "bar" } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
