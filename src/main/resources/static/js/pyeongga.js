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

// Session time limit (KWCAG 2.2.1): a signed-in page knows how long its session lasts without a request. Before it
// ends, a dialog says how much time is left and offers to extend it (one request resets the server's timer); if
// nobody answers, the page goes to the sign-in page and says why. Any htmx request also resets the timer.
document.addEventListener("DOMContentLoaded", function () {
  var dialog = document.getElementById("pg-session-dialog");
  if (!dialog || !dialog.dataset.timeout) {
    return;
  }
  var timeout = parseInt(dialog.dataset.timeout, 10);
  var warning = parseInt(dialog.dataset.warning, 10);
  if (!(timeout > 0)) {
    return;
  }
  var text = document.getElementById("pg-session-text");
  var deadline;
  var ticker = null;
  var warnTimer = null;

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m > 0 ? m + dialog.dataset.minutes + " " : "") + s + dialog.dataset.seconds;
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    text.textContent = dialog.dataset.text.replace("{0}", format(left));
    if (left <= 0) {
      clearInterval(ticker);
      // A moment after the deadline, so the server has certainly ended the session before the next page asks.
      setTimeout(function () {
        window.location.assign(dialog.dataset.expiredUrl);
      }, 2000);
    }
  }

  function warn() {
    if (!dialog.open) {
      dialog.showModal();
    }
    tick();
    clearInterval(ticker);
    ticker = setInterval(tick, 1000);
    var extend = dialog.querySelector("[data-session-extend]");
    if (extend) {
      extend.focus();
    }
  }

  function restart(seconds) {
    deadline = Date.now() + seconds * 1000;
    clearTimeout(warnTimer);
    clearInterval(ticker);
    if (dialog.open) {
      dialog.close();
    }
    warnTimer = setTimeout(warn, Math.max(0, (seconds - warning) * 1000));
  }

  dialog.querySelector("[data-session-extend]").addEventListener("click", function () {
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    var headers = { "Accept": "application/json" };
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(dialog.dataset.extendUrl, { method: "POST", headers: headers, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("expired");
        }
        return response.json();
      })
      .then(function (body) {
        restart(body.remainingSeconds);
      })
      .catch(function () {
        window.location.assign(dialog.dataset.expiredUrl);
      });
  });
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault(); // Esc must not silently dismiss a warning about losing the session
  });
  document.body.addEventListener("htmx:afterRequest", function () {
    restart(timeout);
  });
  restart(timeout);
});
