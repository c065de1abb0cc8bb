// Skyddsnät charts: every <canvas data-chart="ID"> is drawn from the JSON in <script type="application/json" id="ID">.
// The page always carries the same figures as a table; the chart is a picture of it (no inline script, CSP).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (data.type !== 'weekly') {
      return;
    }
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue('--accent').trim() || '#0b5394';
    var danger = style.getPropertyValue('--danger').trim() || '#a4000f';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { type: 'bar', label: data.valuesLabel, data: data.values, backgroundColor: accent, order: 2 },
          {
            type: 'line', label: data.targetLabel, data: data.labels.map(function () { return data.target; }),
            borderColor: danger, borderDash: [6, 4], borderWidth: 2, pointRadius: 0, fill: false, order: 1
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
});
