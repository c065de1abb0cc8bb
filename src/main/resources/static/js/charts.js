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
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue('--accent').trim() || '#0b5394';
    var danger = style.getPropertyValue('--danger').trim() || '#a4000f';
    if (data.type === 'grouped') {
      grouped(canvas, data, style, accent, reduceMotion);
      return;
    }
    if (data.type !== 'weekly') {
      return;
    }
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

// "grouped": bars per label (e.g. per municipality), one bar per dataset ({label, values}); null values
// (suppressed or not applicable) are left out. Horizontal charts grow with the number of labels.
function grouped(canvas, data, style, accent, reduceMotion) {
  var colours = [accent, '#b35900', style.getPropertyValue('--muted').trim() || '#4d4d4d'];
  if (data.horizontal && canvas.parentElement) {
    canvas.parentElement.style.height = Math.max(16, data.labels.length * 2.25 + 4) + 'rem';
  }
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (set, i) {
        return { label: set.label, data: set.values, backgroundColor: colours[i % colours.length] };
      })
    },
    options: {
      indexAxis: data.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 300 },
      scales: data.horizontal
        ? { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } }
        : { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'bottom' } }
    }
  });
}
