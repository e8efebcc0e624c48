// lede's only script, and an optional one: every page works without it.
// On a story's timeline it keeps the compare form sensible — picking a
// "from" version at or after the "to" version moves "to" to the next one.
// The radios' values are the versions' refs; data-n is their place.
// On a version's reading page it shows the copy button, which copies the
// text box (the box itself is selectable without any script).
"use strict";
document.querySelectorAll("button[data-copy]").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () {
    var box = document.getElementById(b.dataset.copy);
    var said = b.parentNode.querySelector(".copied");
    box.focus();
    box.select();
    var done = function () { if (said) said.textContent = "copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () {
        if (document.execCommand("copy")) done();
      });
    } else if (document.execCommand("copy")) {
      done();
    }
  });
});
document.addEventListener("change", function (ev) {
  var el = ev.target;
  if (!el.form || el.type !== "radio" || el.name !== "from") return;
  var from = parseInt(el.dataset.n, 10);
  var to = el.form.querySelector('input[name="to"]:checked');
  if (to && parseInt(to.dataset.n, 10) <= from) {
    var next = el.form.querySelector('input[name="to"][data-n="' + (from + 1) + '"]');
    if (next) next.checked = true;
  }
});
