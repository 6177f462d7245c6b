// Suggest organisation and team names in the reports' filter boxes as the person types.
// Progressive: without this script each box is a plain search, and the form's errors say
// what matched. The browser shows the suggestions from the box's own <datalist>.
(function () {
  "use strict";
  var timers = new WeakMap();

  function fill(input) {
    var typed = input.value.trim();
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || typed.length < 2) { return; }
    var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(typed);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { names: [] }; })
      .then(function (data) {
        list.replaceChildren.apply(list, data.names.map(function (name) {
          var option = document.createElement("option");
          option.value = name;
          return option;
        }));
      })
      .catch(function () { /* suggestions are a help, never a need */ });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.suggestUrl) { return; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { fill(input); }, 200));
  });
})();
