// The registrar's upload: send the files with XMLHttpRequest so the page can
// show how much has gone, then show the answer in place of the page. Without
// this script the form posts as any form does and the answer is the same page.
"use strict";
(() => {
  const bytes = (n) => n.toLocaleString() + " bytes";

  function chosen(form) {
    let total = 0;
    for (const input of form.querySelectorAll("input[type=file]")) {
      for (const file of input.files) total += file.size;
    }
    return total;
  }

  function show(response, url) {
    // The answer is a whole page (results, or an error page): it replaces this one.
    document.title = response.title;
    document.body.replaceWith(document.adoptNode(response.body));
    if (url && url !== window.location.href) window.history.replaceState(null, "", url);
    bind(document);
  }

  function send(event, form) {
    const bar = form.querySelector("progress");
    const status = form.querySelector("[data-upload-status]");
    const button = form.querySelector("button[type=submit]");
    const limit = Number(form.dataset.maxBytes || 0);
    const total = chosen(form);
    event.preventDefault();
    if (limit && total > limit) {
      status.textContent = `These files come to ${bytes(total)}, over the ${bytes(limit)} limit for one upload.`;
      return;
    }
    const fail = (message) => {
      bar.hidden = true;
      button.disabled = false;
      status.textContent = message;
    };
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.responseType = "document";
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) return;
      bar.max = progress.total;
      bar.value = progress.loaded;
      status.textContent = `Sent ${bytes(progress.loaded)} of ${bytes(progress.total)}`;
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value"); // indeterminate while the registry takes the files in
      status.textContent = "Sent; taking the files in…";
    });
    request.addEventListener("load", () => {
      const response = request.response;
      if (response && response.body) {
        show(response, request.responseURL);
      } else {
        fail(`The registry answered ${request.status} with no page; reload and try again.`);
      }
    });
    request.addEventListener("error", () =>
      fail("The upload did not get through (too large, or the connection dropped)."),
    );
    request.addEventListener("abort", () => fail("The upload was stopped."));
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    status.textContent = `Sending ${bytes(total)}…`;
    request.send(new FormData(form));
  }

  function bind(root) {
    for (const form of root.querySelectorAll("form[data-upload]")) {
      form.addEventListener("submit", (event) => send(event, form));
    }
  }

  document.addEventListener("DOMContentLoaded", () => bind(document));
})();
