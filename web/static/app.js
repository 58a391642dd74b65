/* Progressive enhancement only: every core flow works without this file. */
(function () {
  "use strict";

  function setupCopyButtons() {
    document.querySelectorAll("button.copy-button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var status = button.parentNode.querySelector(".copy-status");
        navigator.clipboard.writeText(source.value || source.textContent).then(function () {
          if (status) { status.textContent = "Gekopieerd."; }
        }, function () {
          source.focus();
          source.select();
          if (status) { status.textContent = "Kopiëren lukte niet; de tekst is geselecteerd."; }
        });
      });
    });
  }

  function setupStrikeToggles() {
    document.querySelectorAll("input[data-strikes]").forEach(function (box) {
      var mark = document.getElementById(box.getAttribute("data-strikes"));
      if (!mark) { return; }
      box.addEventListener("change", function () {
        mark.classList.toggle("struck", box.checked);
      });
    });
  }

  function setupPrintButtons() {
    document.querySelectorAll("button.print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function focusErrorSummary() {
    var summary = document.querySelector(".conflict, .error-summary");
    if (summary) { summary.focus(); }
  }

  // Long-running forms (catalogue uploads): show "bezig..." and prevent a double submit.
  function setupBusyForms() {
    document.querySelectorAll("form.busy-form").forEach(function (form) {
      form.addEventListener("submit", function () {
        var status = form.querySelector(".busy-status");
        var button = form.querySelector("button[type=submit]");
        if (status) { status.textContent = form.getAttribute("data-busy-text") || "Bezig..."; }
        if (button) {
          window.setTimeout(function () { button.disabled = true; }, 0);
          button.setAttribute("aria-busy", "true");
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupCopyButtons();
    setupStrikeToggles();
    setupPrintButtons();
    focusErrorSummary();
    setupBusyForms();
  });
}());
