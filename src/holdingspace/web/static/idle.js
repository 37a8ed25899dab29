// Progressive enhancement: once the journal has locked itself on the server (after the idle
// time with no requests), leave this page, so that what it shows does not stay on screen.
(function () {
  "use strict";
  var seconds = parseInt(document.body.getAttribute("data-idle-seconds"), 10);
  if (!seconds) { return; }
  var timer = null;
  function restart() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () { window.location.assign("/"); }, seconds * 1000);
  }
  document.addEventListener("holdingspace:activity", restart);
  restart();
})();
