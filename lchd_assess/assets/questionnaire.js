// The browser questionnaire's behaviour: one screen at a time, progress kept in this browser
// (localStorage), and an answer file saved by download or copied as text. Nothing is sent
// anywhere: the page makes no request (its Content-Security-Policy forbids them as well).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("questionnaire-data").textContent);
  var T = DATA.ui;
  var form = document.getElementById("questionnaire");
  var screens = Array.prototype.slice.call(document.querySelectorAll(".screen"));
  var prevBtn = document.getElementById("prev");
  var nextBtn = document.getElementById("next");
  var progressBox = document.getElementById("progress-box");
  var progressText = document.getElementById("progress-text");
  var progressBar = document.getElementById("progress-bar");
  var statusEl = document.getElementById("status");
  var current = 0;

  // -- Storage: the browser may refuse it (private windows, some file:// setups); the
  // questionnaire then still works, it only cannot resume later.
  function load() {
    try { return JSON.parse(window.localStorage.getItem(DATA.storage_key) || "null"); } catch (e) { return null; }
  }
  function store(state) {
    try { window.localStorage.setItem(DATA.storage_key, JSON.stringify(state)); } catch (e) { /* not kept */ }
  }
  function forget() {
    try { window.localStorage.removeItem(DATA.storage_key); } catch (e) { /* nothing kept */ }
  }

  // A code from an alphabet without look-alikes (no 0/O, 1/I/L), random from the browser's
  // cryptographic generator: 8 characters give 32^8 (about 10^12) codes, so two members of a
  // partnership practically never draw the same one; collect refuses a duplicate anyway.
  var ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  function newCode() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    var s = "";
    for (var i = 0; i < bytes.length; i++) { s += ALPHABET.charAt(bytes[i] % ALPHABET.length); }
    return s.slice(0, 4) + "-" + s.slice(4);
  }

  var state = load();
  if (!state || state.instrument_version !== DATA.instrument_version) {
    state = { respondent_id: newCode(), instrument_version: DATA.instrument_version, sector: "", role: "", answers: {}, comments: {}, screen: 0 };
  }

  function showCode() {
    document.getElementById("code-start").textContent = state.respondent_id;
    document.getElementById("code-end").textContent = state.respondent_id;
  }

  // -- Restore and keep the form in step with the stored state.
  function restore() {
    document.getElementById("sector").value = state.sector || "";
    document.getElementById("role").value = state.role || "";
    Object.keys(state.answers).forEach(function (id) {
      var inputs = form.querySelectorAll("input[type=radio]");
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].name === id && inputs[i].value === String(state.answers[id])) { inputs[i].checked = true; }
      }
    });
    var boxes = form.querySelectorAll("textarea[data-comment]");
    for (var j = 0; j < boxes.length; j++) {
      var c = state.comments[boxes[j].getAttribute("data-comment")];
      if (c) { boxes[j].value = c; }
    }
  }

  form.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.type === "radio") {
      state.answers[t.name] = /^[0-4]$/.test(t.value) ? Number(t.value) : t.value;
    } else if (t.id === "sector" || t.id === "role") {
      state[t.id] = t.value;
      if (t.value) { clearError(t); }
    }
    store(state);
  });
  form.addEventListener("input", function (ev) {
    var t = ev.target;
    if (t.hasAttribute && t.hasAttribute("data-comment")) {
      var v = t.value.trim();
      if (v) { state.comments[t.getAttribute("data-comment")] = t.value; } else { delete state.comments[t.getAttribute("data-comment")]; }
      store(state);
    }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });

  // -- Errors tied to their field (aria-describedby + aria-invalid), focus moved to the first.
  function setError(field) {
    var err = document.getElementById(field.id + "-error");
    err.hidden = false;
    field.setAttribute("aria-invalid", "true");
    var ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (ids.indexOf(err.id) < 0) { ids.push(err.id); }
    field.setAttribute("aria-describedby", ids.join(" "));
  }
  function clearError(field) {
    var err = document.getElementById(field.id + "-error");
    if (!err) { return; }
    err.hidden = true;
    field.removeAttribute("aria-invalid");
    var ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== err.id; });
    if (ids.length) { field.setAttribute("aria-describedby", ids.join(" ")); } else { field.removeAttribute("aria-describedby"); }
  }
  function checkWho() {
    var bad = [];
    ["sector", "role"].forEach(function (id) {
      var f = document.getElementById(id);
      if (!f.value) { setError(f); bad.push(f); } else { clearError(f); }
    });
    if (bad.length) { bad[0].focus(); return false; }
    return true;
  }

  // -- Screens
  function show(n, focus) {
    current = Math.max(0, Math.min(n, screens.length - 1));
    screens.forEach(function (s, i) { s.hidden = i !== current; });
    prevBtn.disabled = current === 0;
    nextBtn.hidden = current === screens.length - 1;
    var last = screens.length - 1;
    progressBox.hidden = false;
    progressText.textContent = T.progress.replace("{n}", String(current + 1)).replace("{total}", String(screens.length)) + " · " + screens[current].getAttribute("data-title");
    progressBar.value = current + 1;
    if (current === last) { summarise(); }
    state.screen = current;
    store(state);
    if (focus) {
      var h = screens[current].querySelector("h2");
      h.focus();
      window.scrollTo(0, 0);
    }
  }
  nextBtn.addEventListener("click", function () {
    if (current === 0 && !checkWho()) { return; }
    show(current + 1, true);
  });
  prevBtn.addEventListener("click", function () { show(current - 1, true); });

  // -- The end: a summary, the answer file, and ways to save it.
  function counts() {
    var c = { answered: 0, dk: 0, na: 0, blank: [] };
    DATA.items.forEach(function (id) {
      var a = state.answers[id];
      if (a === undefined || a === null || a === "") { c.blank.push(id); }
      else if (a === "DK") { c.dk++; }
      else if (a === "NA") { c.na++; }
      else { c.answered++; }
    });
    return c;
  }
  function summarise() {
    var c = counts();
    var box = document.getElementById("summary");
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = T.summary.replace("{answered}", c.answered).replace("{total}", DATA.items.length).replace("{dk}", c.dk).replace("{na}", c.na).replace("{dk_label}", DATA.labels.DK).replace("{na_label}", DATA.labels.NA).replace("{blank}", c.blank.length);
    box.appendChild(p);
    if (c.blank.length) {
      var q = document.createElement("p");
      q.textContent = T.blank_intro;
      box.appendChild(q);
      var ul = document.createElement("ul");
      ul.className = "blank-list";
      c.blank.forEach(function (id) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = "#item-" + id.replace(".", "-");
        a.textContent = id;
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          var fs = document.getElementById("item-" + id.replace(".", "-"));
          show(screens.indexOf(fs.closest(".screen")), false);
          fs.scrollIntoView();
          fs.querySelector("input").focus();
        });
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
  }
  function answerFile() {
    var answers = {}, comments = {};
    DATA.items.forEach(function (id) {
      if (state.answers[id] !== undefined && state.answers[id] !== null) { answers[id] = state.answers[id]; }
      if (state.comments[id] && state.comments[id].trim()) { comments[id] = state.comments[id].trim(); }
    });
    return {
      format: DATA.format, format_version: DATA.format_version,
      instrument: DATA.instrument, instrument_version: DATA.instrument_version,
      wave: DATA.wave, language: DATA.lang,
      respondent_id: state.respondent_id, sector: state.sector, role: state.role,
      answers: answers, comments: comments
    };
  }
  function answerText() { return JSON.stringify(answerFile(), null, 2) + "\n"; }
  function ready() {
    var err = document.getElementById("save-error");
    if (!state.sector || !state.role) {
      err.textContent = T.who_missing;
      err.hidden = false;
      return false;
    }
    err.hidden = true;
    return true;
  }
  function say(msg) { statusEl.textContent = ""; window.setTimeout(function () { statusEl.textContent = msg; }, 50); }

  document.getElementById("save-file").addEventListener("click", function () {
    if (!ready()) { show(0, true); checkWho(); return; }
    var blob = new Blob([answerText()], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = DATA.file_prefix + state.respondent_id + ".json";
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say(T.saved.replace("{file}", a.download));
  });
  document.getElementById("show-text").addEventListener("click", function () {
    if (!ready()) { show(0, true); checkWho(); return; }
    var box = document.getElementById("text-box");
    var ta = document.getElementById("answer-text");
    ta.value = answerText();
    box.hidden = false;
    ta.focus();
    ta.select();
  });
  document.getElementById("copy-text").addEventListener("click", function () {
    var ta = document.getElementById("answer-text");
    ta.focus();
    ta.select();
    var done = function () { say(T.copied); };
    var fallback = function () {
      try { if (document.execCommand("copy")) { done(); return; } } catch (e) { /* below */ }
      say(T.copy_by_hand);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(ta.value).then(done, fallback);
    } else { fallback(); }
  });
  document.getElementById("start-over").addEventListener("click", function () {
    if (!window.confirm(T.start_over_confirm)) { return; }
    forget();
    window.location.reload();
  });

  showCode();
  restore();
  show(state.screen || 0, false);
}());
