// The reading room's only script: small enhancements; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Buttons that change the record ask once more.
  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }
  // A facsimile zooms in place on a click (without the script, the link opens it whole).
  for (const figure of document.querySelectorAll("figure.facsimile")) {
    figure.querySelector("a").addEventListener("click", (event) => {
      event.preventDefault();
      figure.classList.toggle("zoomed");
    });
  }
  // The redaction desk: selected words become a START:END span to mask.
  const text = document.getElementById("redaction-text");
  const pick = document.getElementById("redaction-pick");
  if (text && pick) {
    pick.addEventListener("click", () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const chosen = selection.getRangeAt(0);
      if (!text.contains(chosen.startContainer) || !text.contains(chosen.endContainer)) return;
      const before = document.createRange();
      before.setStart(text, 0);
      before.setEnd(chosen.startContainer, chosen.startOffset);
      const start = before.toString().length;
      const end = start + chosen.toString().length;
      const field = document.getElementById("redaction-add");
      field.value = (field.value + " " + start + ":" + end).trim();
      selection.removeAllRanges();
    });
  }
});
