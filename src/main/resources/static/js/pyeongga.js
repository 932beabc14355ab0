// Pyeongga's only script of its own (external, so a strict Content-Security-Policy needs no 'unsafe-inline').
// When a page comes back with an error summary (a form with a mistake), move focus to it so keyboard and
// screen-reader users hear what went wrong first (KWCAG 2.2: error guidance).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("main [role='alert'][data-focus-on-load]");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});
