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

document.addEventListener("DOMContentLoaded", function () {
  // "n/N 선택": how many boxes are ticked of the most allowed, announced politely; the server checks it again.
  document.querySelectorAll("[data-pt-max]").forEach(function (group) {
    var max = parseInt(group.dataset.max, 10);
    var out = document.getElementById(group.dataset.count);
    var boxes = group.querySelectorAll("input[type='checkbox']");
    function update() {
      var n = 0;
      boxes.forEach(function (b) { if (b.checked) { n += 1; } });
      var template = n > max ? out.dataset.over : out.dataset.template;
      out.textContent = template.replace("{0}", n).replace("{1}", max);
      out.classList.toggle("pt-over", n > max);
    }
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  });

  // Character counters on text answers: shown at once, read out only when typing pauses (not at every key).
  document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
    var out = document.getElementById(area.dataset.counter);
    var live = document.getElementById(area.dataset.counter.replace("pt-counter-", "pt-counter-live-"));
    var max = area.getAttribute("maxlength");
    var pause = null;
    function text() {
      return out.dataset.template.replace("{0}", Array.from(area.value).length).replace("{1}", max);
    }
    area.addEventListener("input", function () {
      out.textContent = text();
      clearTimeout(pause);
      pause = setTimeout(function () { if (live) { live.textContent = text(); } }, 1200);
    });
  });

  // Receipt: copy the code; say so in a status message.
  var copy = document.getElementById("pt-copy");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var code = document.getElementById(copy.dataset.copy).textContent.trim();
      navigator.clipboard.writeText(code).then(function () {
        document.getElementById("pt-copy-status").textContent = copy.dataset.copied;
      });
    });
  }

  // A result that answers what the citizen just asked (the receipt check) takes the focus, so it is read first.
  var result = document.querySelector("main [data-pt-focus]");
  if (result) {
    result.focus();
  }
});

// Live results (a LIVE ballot while it is open): htmx refreshes the results every 30 s; a short status line says so,
// with the new number of votes, instead of reading the whole chart out again.
document.addEventListener("htmx:afterSwap", function (event) {
  var status = document.getElementById("pt-results-status");
  var counted = document.querySelector("#pt-results .pt-counted");
  if (status && counted && event.target && event.target.id === "pt-results") {
    status.textContent = status.dataset.template.replace("{0}", counted.textContent.trim());
  }
});
