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
