/* The module page's e-learning launcher.
 *
 * Creates the SCORM runtime (scorm-again, vendored in static/vendor/scorm-again) as
 * window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004), gives it the learner's stored
 * runtime data so they resume where they left off, and only then points the frame at the
 * package's launch file, so the package always finds the runtime when it looks for it.
 *
 * Commits go to the platform as JSON {item, session, seq, cmi} with the CSRF token in a
 * header. Each launch has its own session key and numbers its commits, so the server can
 * ignore a commit it has already applied. */
(function () {
  "use strict";

  var data = document.getElementById("elearning-runtime");
  var frame = document.querySelector("[data-elearning-frame]");
  if (!data || !frame) {
    return;
  }
  var runtime = JSON.parse(data.textContent);
  var status = document.querySelector("[data-elearning-status]");
  var csrfToken = frame.getAttribute("data-csrf-token");
  var commitUrl = frame.getAttribute("data-commit-url");
  var sequence = 0;
  // A fresh session key each time this script runs (not one written into the page, which
  // a browser may show again from its cache): the server ignores a commit whose number is
  // not above the last one of its session, so a reused key would lose the new commits.
  var session = Array.prototype.map.call(
    window.crypto.getRandomValues(new Uint8Array(16)),
    function (byte) { return ("0" + byte.toString(16)).slice(-2); }
  ).join("");
  var FAILURE = { result: "false", errorCode: 391 };

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function answer(response) {
    if (response && response.module_complete) {
      frame.setAttribute("data-module-complete", "true");
      say("Your progress is saved. You have completed this module.");
    }
  }

  function body(params) {
    sequence += 1;
    return JSON.stringify({
      item: runtime.item,
      session: session,
      seq: sequence,
      cmi: params
    });
  }

  // scorm-again's own services send the final commit with navigator.sendBeacon, which
  // cannot carry the CSRF header. This one always sends it: a synchronous request (so the
  // package's Commit/Finish returns the server's answer), or, while the page is being
  // closed and browsers refuse synchronous requests, a keepalive fetch.
  var httpService = {
    processHttpRequest: function (url, params) {
      var payload = body(params);
      var request = new XMLHttpRequest();
      try {
        request.open("POST", url, false);
        request.setRequestHeader("Content-Type", "application/json");
        request.setRequestHeader("X-CSRFToken", csrfToken);
        request.send(payload);
      } catch (error) {
        if (window.fetch) {
          window.fetch(url, {
            method: "POST",
            body: payload,
            keepalive: true,
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken }
          });
          return { result: "true", errorCode: 0 };
        }
        return FAILURE;
      }
      var response = null;
      try {
        response = JSON.parse(request.responseText || "null");
      } catch (error) {
        response = null;
      }
      if (request.status !== 200 || !response || response.result !== "true") {
        say("Your progress could not be saved. Check your connection; it will be tried again.");
        return FAILURE;
      }
      answer(response);
      return { result: "true", errorCode: 0 };
    },
    updateSettings: function () {}
  };

  var settings = {
    autocommit: true,
    autocommitSeconds: 15,
    lmsCommitUrl: runtime.tracked ? commitUrl : false,
    dataCommitFormat: "flattened",
    httpService: httpService,
    logLevel: 4
  };

  var api;
  if (runtime.version === "1.2") {
    api = new window.Scorm12API(settings);
    window.API = api;
  } else {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
  }
  api.loadFromFlattenedJSON(runtime.cmi, "");

  var finished = runtime.version === "1.2" ? "LMSFinish" : "Terminate";
  api.on(finished, function () {
    if (runtime.tracked && frame.getAttribute("data-module-complete") !== "true") {
      say("Your progress is saved.");
    }
  });

  frame.src = runtime.launch_url;
}());
