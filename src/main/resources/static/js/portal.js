// The participation portal's script (external, for the strict Content-Security-Policy). Everything works without it:
// it only adds the overload page's countdown, the "n/N 선택" count on ballots and character counters on text answers.
document.addEventListener("DOMContentLoaded", function () {
  // Overload page: count down, then re-submit the kept form; the citizen may retry at once or stop the countdown.
  var timer = document.getElementById("pt-countdown");
  var form = document.getElementById("pt-retry");
  if (timer && form) {
    var left = parseInt(timer.dataset.seconds, 10) || 1;
    var status = document.getElementById("pt-retry-status");
    var stop = document.getElementById("pt-retry-stop");
    var ticker = setInterval(function () {
      left -= 1;
      if (left <= 0) {
        clearInterval(ticker);
        status.textContent = timer.dataset.retrying;
        form.submit();
        return;
      }
      timer.textContent = timer.dataset.template.replace("{0}", left);
    }, 1000);
    stop.hidden = false;
    stop.addEventListener("click", function () {
      clearInterval(ticker);
      stop.hidden = true;
      timer.hidden = true;
      status.textContent = timer.dataset.stopped;
    });
  }
});
