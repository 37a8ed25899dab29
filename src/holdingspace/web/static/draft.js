// Progressive enhancement for the Write page: while the person types, keep their words as an
// encrypted draft in the journal (POSTed to this app only). The page works without it.
(function () {
  "use strict";
  var form = document.getElementById("write-form");
  if (!form || !window.fetch) { return; }
  var text = form.querySelector("textarea[name=text]");
  var status = document.getElementById("draft-status");
  var url = form.getAttribute("data-draft-url");
  var timer = null;
  var lastSaved = text.value;

  function say(message) { if (status) { status.textContent = message; } }

  function save() {
    timer = null;
    if (text.value === lastSaved) { return; }
    var body = new URLSearchParams();
    body.set("csrf", form.querySelector("input[name=csrf]").value);
    body.set("text", text.value);
    var sending = text.value;
    fetch(url, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (response.ok) {
          lastSaved = sending;
          say("Draft kept, encrypted.");
          document.dispatchEvent(new CustomEvent("holdingspace:activity"));
        }
        else { say("The draft could not be kept just now; your words are still here."); }
      })
      .catch(function () { say("The draft could not be kept just now; your words are still here."); });
  }

  text.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 1500);
  });
  form.addEventListener("submit", function () { if (timer) { clearTimeout(timer); } });
})();
