// The review page: saves go to the server as POSTs carrying the token in
// the X-Epistle-Token header; the server answers with the sentence as it
// now stands, rendered, which replaces the one on the page.
"use strict";

(function () {
  const token = document.querySelector('meta[name="epistle-token"]');
  if (!token) {
    return; // the list of letters has nothing to save
  }
  const letter = document.body.dataset.letter;

  function sentences() {
    return Array.from(document.querySelectorAll("article.sentence")).filter(
      (a) => a.offsetParent !== null
    );
  }

  function current() {
    const el = document.activeElement;
    return el ? el.closest("article.sentence") : null;
  }

  function focus(article) {
    if (!article) {
      return;
    }
    const box = article.querySelector("textarea");
    box.focus();
    article.scrollIntoView({ block: "center" });
  }

  // move focuses the next (or previous) sentence; needs: only one that
  // needs a person.
  function move(from, step, needs) {
    const all = sentences();
    let i = all.indexOf(from);
    for (;;) {
      i += step;
      if (i < 0 || i >= all.length) {
        return;
      }
      if (!needs || all[i].dataset.needs === "true") {
        focus(all[i]);
        return;
      }
    }
  }

  // post sends a change; a server that is gone (stopped with Ctrl-C)
  // answers with the browser's own words for it.
  async function post(path, body) {
    let resp;
    try {
      resp = await fetch("/letter/" + letter + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Epistle-Token": token.content },
        body: JSON.stringify(body || {}),
        credentials: "same-origin",
      });
    } catch (e) {
      return { error: String(e) };
    }
    const text = await resp.text();
    try {
      return JSON.parse(text);
    } catch (e) {
      return { error: text };
    }
  }

  // show puts the server's rendering of a sentence in place of the old one
  // and returns the new element.
  function show(answer) {
    document.getElementById("counts").textContent = answer.counts || document.getElementById("counts").textContent;
    const old = document.querySelector('article.sentence[data-id="' + CSS.escape(answer.id || "") + '"]');
    if (!old || !answer.html) {
      // Nothing saved (the letter is being written by another epistle, or
      // a file could not be written): the reviewer's text stays as it is.
      document.getElementById("notice").textContent = answer.error || "";
      return null;
    }
    const tmpl = document.createElement("template");
    tmpl.innerHTML = answer.html;
    const fresh = tmpl.content.firstElementChild;
    old.replaceWith(fresh);
    return fresh;
  }

  async function approve(article, force) {
    if (article.dataset.busy) {
      return; // a second click while the first save is on its way
    }
    article.dataset.busy = "true";
    const box = article.querySelector("textarea");
    const answer = await post("/approve", {
      id: article.dataset.id,
      text: box.value.trim(),
      edited: box.value.trim() !== article.dataset.translation,
      force: force,
      seen: article.dataset.seen,
    });
    document.getElementById("notice").textContent = "";
    delete article.dataset.busy;
    const fresh = show(answer);
    if (!fresh) {
      return;
    }
    if (answer.ok) {
      move(fresh, 1, true);
    } else {
      focus(fresh);
    }
  }

  async function undo() {
    const fresh = show(await post("/undo"));
    if (fresh) {
      focus(fresh);
    }
  }

  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-action]");
    if (!button) {
      return;
    }
    const article = button.closest("article.sentence");
    const confirm = article ? article.querySelector(".confirm") : null;
    switch (button.dataset.action) {
      case "approve":
        approve(article, false);
        break;
      case "skip":
        move(article, 1, true);
        break;
      case "force":
        confirm.hidden = false;
        confirm.querySelector('[data-action="force-yes"]').focus();
        break;
      case "force-yes":
        approve(article, true);
        break;
      case "force-no":
        confirm.hidden = true;
        focus(article);
        break;
      case "undo":
        undo();
        break;
    }
  });

  document.addEventListener("keydown", (ev) => {
    const article = current();
    if (ev.ctrlKey && ev.key === "Enter" && article) {
      ev.preventDefault();
      approve(article, false);
    } else if (ev.altKey && ev.key === "ArrowDown") {
      ev.preventDefault();
      article ? move(article, 1, false) : focus(sentences()[0]);
    } else if (ev.altKey && ev.key === "ArrowUp") {
      ev.preventDefault();
      article ? move(article, -1, false) : focus(sentences()[0]);
    } else if (ev.altKey && (ev.key === "s" || ev.key === "S" || ev.code === "KeyS") && article) {
      ev.preventDefault();
      move(article, 1, true);
    }
  });

  document.getElementById("filter").addEventListener("change", (ev) => {
    document.body.classList.toggle("needs-only", ev.target.checked);
  });

  const first = document.querySelector('article.sentence[data-needs="true"]');
  if (first) {
    focus(first);
  }
})();
