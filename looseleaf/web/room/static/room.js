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
});
