// Skyddsnät: small progressive enhancements. No inline script anywhere (CSP).
document.addEventListener('htmx:configRequest', function (event) {
  // htmx requests that change data carry the CSRF token like forms do
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary so that screen-reader and keyboard users hear the errors first
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
});

document.addEventListener('htmx:responseError', function (event) {
  // An htmx request that failed (the session ended: 401; anything else): say so where the answer would have gone,
  // using the element's data-error text, so that nobody believes unsaved work was saved.
  var target = event.detail.target;
  var text = target && target.getAttribute('data-error');
  if (text) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    // 401: no session; 403 on a form post: its CSRF token belonged to a session that has ended
    var key = status === 401 || status === 403 ? 'data-error-session' : 'data-error';
    target.textContent = target.getAttribute(key) || text;
  }
});
document.addEventListener('htmx:sendError', function (event) {
  var target = event.detail.target;
  if (target && target.getAttribute('data-error')) {
    target.textContent = target.getAttribute('data-error');
  }
});

// The site menu (layout.html) is a <details>: closed behind its button on a phone, always open on a wide screen.
(function () {
  var wide = window.matchMedia ? window.matchMedia('(min-width: 48rem)') : null;
  function fit(opening) {
    var menu = document.querySelector('details.site-menu');
    if (menu && wide && (wide.matches || !opening)) {
      menu.open = wide.matches;
    }
  }
  // On load only open it (on a wide screen): closing it then could undo a tap that came before the script ran.
  document.addEventListener('DOMContentLoaded', function () { fit(true); });
  if (wide && wide.addEventListener) {
    wide.addEventListener('change', function () { fit(false); });
  }
})();

// Outreach's person rows: "Under 18 år" follows the age as it is typed (the form derives it the same way on the
// server without JavaScript), and a row added with htmx takes the focus (its age when it copies the row before).
document.addEventListener('input', function (event) {
  var age = event.target;
  var group = age.name && /\.age$/.test(age.name) && document.querySelector('[data-minor-of="' + age.name + '"]');
  var years = parseInt(age.value, 10);
  if (!group || isNaN(years) || years < 0 || years > 120 || !/^\s*\d+\s*$/.test(age.value)) {
    return;
  }
  var answer = group.querySelector('input[type=radio][value="' + (years < 18 ? 'yes' : 'no') + '"]');
  if (answer) {
    answer.checked = true;
  }
});
var lastTrigger = null;
document.addEventListener('htmx:beforeRequest', function (event) {
  lastTrigger = event.detail.elt;
});
document.addEventListener('htmx:afterSettle', function (event) {
  var target = event.detail.target;
  if (!target || target.id !== 'people' || !lastTrigger) {
    return;
  }
  var rows = target.querySelectorAll('fieldset.person');
  var row = rows[rows.length - 1];
  var focus = lastTrigger.getAttribute('data-focus');
  lastTrigger = null;
  var field = row && (focus === 'age' ? row.querySelector('input[name$=".age"]') : row.querySelector('input, select'));
  if (field) {
    field.focus();
  }
});
