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
