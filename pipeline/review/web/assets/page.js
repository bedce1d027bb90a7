// The review page: saves go to the server as POSTs carrying the token in
// the X-Epistle-Token header; the server answers with the sentence as it
// now stands, rendered, which replaces the one on the page. The page polls
// the fingerprint of the letter's files and reads itself again when
// something else changed them.
"use strict";

(function () {
  const token = document.querySelector('meta[name="epistle-token"]');
  if (!token) {
    return; // the list of letters has nothing to save
  }
  const body = document.body;
  const letter = body.dataset.letter;
  const counts = document.getElementById("counts");
  const notice = document.getElementById("notice");
  // newer holds, by id, the new rendering of a sentence that changed
  // elsewhere while the reviewer was editing it.
  const newer = new Map();
  // saving counts the changes under way, and saved the changes made: the
  // page reads itself again only between them, so that a poll answered
  // while a save is on its way (a slow computer) never replaces the
  // sentences a paragraph's approval is still working through.
  let saving = 0;
  let saved = 0;

  function article(id) {
    return document.querySelector('article.sentence[data-id="' + CSS.escape(id || "") + '"]');
  }

  // sentences lists the sentences shown, by the filter rather than by
  // asking the layout, which a long letter lays out only near the screen.
  function sentences() {
    const all = Array.from(document.querySelectorAll("article.sentence"));
    return body.classList.contains("needs-only") ? all.filter((a) => a.dataset.needs === "true") : all;
  }

  function current() {
    const el = document.activeElement;
    return el ? el.closest("article.sentence") : null;
  }

  function focus(a) {
    if (!a) {
      return;
    }
    const box = a.querySelector("textarea");
    box.focus();
    a.scrollIntoView({ block: "center" });
  }

  // showDone shows the done state, and gives it the focus, when nothing
  // needs a person any more.
  function showDone() {
    const nothing = body.dataset.needs === "0";
    const done = document.getElementById("done");
    done.hidden = !nothing;
    if (nothing) {
      done.focus();
      done.scrollIntoView({ block: "center" });
    }
    return nothing;
  }

  // move focuses the next (or previous) sentence; needs: only one that
  // needs a person, and when there is none left, the done state.
  function move(from, step, needs) {
    const all = sentences();
    let i = all.indexOf(from);
    for (;;) {
      i += step;
      if (i < 0 || i >= all.length) {
        if (needs) {
          showDone();
        }
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
  async function post(path, req) {
    const payload = Object.assign({ stamp: body.dataset.stamp }, req || {});
    let text;
    saving++;
    try {
      const resp = await fetch("/letter/" + letter + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Epistle-Token": token.content },
        body: JSON.stringify(payload),
        credentials: "same-origin",
      });
      text = await resp.text();
    } catch (e) {
      return { error: String(e) };
    } finally {
      saving--;
      saved++;
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      return { error: text };
    }
  }

  function fragment(html) {
    const tmpl = document.createElement("template");
    tmpl.innerHTML = html;
    return tmpl.content.firstElementChild;
  }

  // show puts the server's rendering of a sentence in place of the old one
  // and returns the new element.
  function show(answer) {
    if (answer.counts) {
      counts.textContent = answer.counts;
      body.dataset.needs = String(answer.needs);
    }
    if (answer.stamp) {
      body.dataset.stamp = answer.stamp;
    }
    const old = article(answer.id);
    if (!old || !answer.html) {
      // Nothing saved (the letter is being written by another epistle, or
      // a file could not be written): the reviewer's text stays as it is.
      notice.textContent = answer.error || "";
      return null;
    }
    const fresh = fragment(answer.html);
    const had = old.contains(document.activeElement);
    newer.delete(answer.id);
    old.replaceWith(fresh);
    if (had) {
      // the keys typed next go to the same sentence, not to the page
      fresh.querySelector("textarea").focus({ preventScroll: true });
    }
    return fresh;
  }

  // save approves one sentence and returns its new element, or null.
  async function save(a, force) {
    if (a.dataset.busy) {
      return null; // a second key while the first save is on its way
    }
    a.dataset.busy = "true";
    const box = a.querySelector("textarea");
    const answer = await post("/approve", {
      id: a.dataset.id,
      text: box.value.trim(),
      edited: box.value.trim() !== a.dataset.translation,
      force: force,
      seen: a.dataset.seen,
    });
    notice.textContent = "";
    delete a.dataset.busy;
    const fresh = show(answer);
    return fresh ? { fresh: fresh, ok: answer.ok } : null;
  }

  async function approve(a, force) {
    const r = await save(a, force);
    if (!r) {
      return;
    }
    if (r.ok) {
      move(r.fresh, 1, true);
    } else {
      focus(r.fresh);
    }
  }

  // approveParagraph approves every sentence of a's paragraph that needs a
  // person and has a translation without QA errors (or one the reviewer
  // changed, which the server checks); the focus goes to the first that is
  // left, or on to the next paragraph's.
  async function approveParagraph(a) {
    const ready = (s) =>
      s.dataset.needs === "true" && (!s.dataset.errors || editing(s)) && s.querySelector("textarea").value.trim() !== "";
    // Each save puts a new element in place of its sentence: the paragraph
    // is followed by its sentences' ids, not by elements.
    const ids = Array.from(a.closest("section.block").querySelectorAll("article.sentence")).map((s) => s.dataset.id);
    saving++;
    try {
      for (const id of ids) {
        const s = article(id);
        if (s && ready(s)) {
          await save(s, false);
        }
      }
    } finally {
      saving--;
    }
    const block = (article(ids[0]) || a).closest("section.block");
    if (!block) {
      return;
    }
    const left = Array.from(block.querySelectorAll('article.sentence[data-needs="true"]'));
    if (left.length > 0) {
      focus(left[0]);
      return;
    }
    const all = block.querySelectorAll("article.sentence");
    move(all[all.length - 1], 1, true);
  }

  async function undo() {
    const fresh = show(await post("/undo"));
    if (fresh) {
      document.getElementById("done").hidden = true;
      focus(fresh);
    }
  }

  // insertTag puts, at the caret, the first tag of the source that the
  // translation has fewer of than the source.
  const tagPattern = /<\/?g[0-9]+>|<x[0-9]+\/>/g;
  function insertTag(a) {
    const box = a.querySelector("textarea");
    const source = a.querySelector(".source .text").textContent;
    const count = (text, tag) => text.split(tag).length - 1;
    for (const tag of source.match(tagPattern) || []) {
      if (count(box.value, tag) < count(source, tag)) {
        box.focus();
        box.setRangeText(tag, box.selectionStart, box.selectionEnd, "end");
        return;
      }
    }
  }

  // editing reports whether the reviewer has changed a's translation.
  function editing(a) {
    const box = a.querySelector("textarea");
    return box.value !== box.defaultValue;
  }

  // said tells, under a's buttons, that its sentence changed elsewhere:
  // the page's rows carry no such line until one needs it.
  function said(a) {
    if (!a.querySelector(".changed")) {
      a.querySelector(".actions").after(document.getElementById("changed").content.cloneNode(true));
    }
  }

  // merge puts the page as the server renders it now in place of this one,
  // but keeps every sentence the reviewer is editing and says when its
  // sentence changed.
  function merge(doc) {
    counts.textContent = doc.getElementById("counts").textContent;
    body.dataset.needs = doc.body.dataset.needs;
    body.dataset.stamp = doc.body.dataset.stamp;
    const active = document.activeElement;
    const activeID = current() ? current().dataset.id : null;
    const caret = typing(active) ? [active.selectionStart, active.selectionEnd] : null;
    const doneShown = !document.getElementById("done").hidden;
    const main = document.querySelector("main");
    const fresh = document.adoptNode(doc.querySelector("main"));
    for (const n of Array.from(fresh.querySelectorAll("article.sentence"))) {
      const old = article(n.dataset.id);
      if (!old) {
        continue;
      }
      const same = old.dataset.seen === n.dataset.seen && old.dataset.status === n.dataset.status;
      if (same || editing(old)) {
        if (!same) {
          newer.set(n.dataset.id, n.outerHTML);
          said(old);
        }
        n.replaceWith(old);
      }
    }
    main.replaceChildren(...Array.from(fresh.childNodes));
    for (const [id] of newer) {
      if (!article(id)) {
        newer.delete(id); // the letter lost the sentence
      }
    }
    // the sentence that had the focus keeps it, the caret where it was
    const kept = activeID ? article(activeID) : null;
    if (kept && kept.contains(active)) {
      active.focus({ preventScroll: true });
      if (caret) {
        active.setSelectionRange(caret[0], caret[1]);
      }
    } else if (kept) {
      kept.querySelector("textarea").focus({ preventScroll: true });
    }
    if (body.dataset.needs === "0" && !doneShown) {
      showDone();
    } else if (body.dataset.needs !== "0") {
      document.getElementById("done").hidden = true;
    }
  }

  let polling = false;
  async function poll() {
    if (polling || saving > 0) {
      return;
    }
    polling = true;
    const before = saved;
    const quiet = () => saving === 0 && saved === before;
    try {
      const r = await fetch("/letter/" + letter + "/stamp", { credentials: "same-origin" });
      const now = (await r.json()).stamp;
      if (now && now !== body.dataset.stamp && quiet()) {
        const page = await fetch("/letter/" + letter, { credentials: "same-origin" });
        const doc = new DOMParser().parseFromString(await page.text(), "text/html");
        // a save made meanwhile told the page its own news; the next
        // poll reads the rest
        if (quiet()) {
          merge(doc);
        }
      }
    } catch (e) {
      // the server is gone (Ctrl-C): the page stays as it is
    } finally {
      polling = false;
    }
  }
  // every second: a change made elsewhere shows within two
  setInterval(poll, 1000);

  // Replace across the letter: preview the changes, then apply them to
  // every translation not yet approved; the reviewer approves them.
  const replaceDiff = document.getElementById("replace-diff");
  const replaceApply = document.querySelector('[data-action="replace-apply"]');
  const replaceGlossary = document.getElementById("replace-glossary");
  let planned = [];
  function previewReplace() {
    const from = document.getElementById("replace-from").value;
    const to = document.getElementById("replace-to").value;
    planned = [];
    replaceDiff.replaceChildren();
    replaceGlossary.hidden = true;
    if (from === "") {
      return;
    }
    const list = document.createElement("ul");
    for (const a of document.querySelectorAll('article.sentence[data-needs="true"]')) {
      const box = a.querySelector("textarea");
      const parts = box.value.split(from);
      if (parts.length < 2) {
        continue;
      }
      planned.push({ box: box, text: parts.join(to) });
      const li = document.createElement("li");
      li.dataset.id = a.dataset.id;
      parts.forEach((p, i) => {
        if (i > 0) {
          const del = document.createElement("del");
          del.textContent = from;
          const ins = document.createElement("ins");
          ins.textContent = to;
          li.append(del, ins);
        }
        li.append(p);
      });
      list.append(li);
    }
    if (planned.length === 0) {
      replaceDiff.textContent = replaceDiff.dataset.none;
    } else {
      replaceDiff.append(list);
    }
    replaceDiff.hidden = false;
    replaceApply.hidden = planned.length === 0;
    if (planned.length > 0) {
      replaceApply.focus();
    }
  }
  // applyReplace makes the changes and offers to keep the pair in the
  // glossary: the reviewer names the Korean word, the page fills in the
  // rest, and the focus waits in the Korean word's field.
  function applyReplace() {
    for (const p of planned) {
      p.box.value = p.text;
    }
    document.getElementById("glossary-target").value = document.getElementById("replace-to").value;
    document.getElementById("glossary-forbidden").value = document.getElementById("replace-from").value;
    document.getElementById("glossary-result").textContent = "";
    replaceGlossary.hidden = false;
    replaceApply.hidden = true;
    replaceDiff.hidden = true;
    planned = [];
    document.getElementById("glossary-source").focus();
  }
  // addTerm adds the pair through the server, which checks it as the
  // glossary is checked, and says what became of it.
  async function addTerm() {
    const answer = await post("/glossary", {
      source: document.getElementById("glossary-source").value,
      target: document.getElementById("glossary-target").value,
      forbidden: document.getElementById("glossary-forbidden").value,
    });
    const result = document.getElementById("glossary-result");
    result.textContent = answer.message || answer.error || "";
    result.dataset.ok = answer.ok ? "true" : "false";
  }
  document.getElementById("replace").addEventListener("submit", (ev) => {
    ev.preventDefault();
    previewReplace();
  });
  replaceGlossary.addEventListener("submit", (ev) => {
    ev.preventDefault();
    addTerm();
  });

  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-action]");
    if (!button) {
      return;
    }
    const a = button.closest("article.sentence");
    const confirm = a ? a.querySelector(".confirm") : null;
    switch (button.dataset.action) {
      case "approve":
        approve(a, false);
        break;
      case "skip":
        move(a, 1, true);
        break;
      case "force":
        confirm.hidden = false;
        confirm.querySelector('[data-action="force-yes"]').focus();
        break;
      case "force-yes":
        approve(a, true);
        break;
      case "force-no":
        confirm.hidden = true;
        focus(a);
        break;
      case "undo":
        undo();
        break;
      case "show-new":
        if (newer.has(a.dataset.id)) {
          show({ id: a.dataset.id, html: newer.get(a.dataset.id) });
          focus(article(a.dataset.id));
        }
        break;
      case "replace-apply":
        applyReplace();
        break;
    }
  });

  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT");
  }

  document.addEventListener("keydown", (ev) => {
    const a = current();
    const key = (letterKey) => ev.code === "Key" + letterKey || ev.key.toUpperCase() === letterKey;
    if (ev.ctrlKey && ev.shiftKey && ev.key === "Enter" && a) {
      ev.preventDefault();
      approveParagraph(a);
    } else if (ev.ctrlKey && ev.key === "Enter" && a) {
      ev.preventDefault();
      approve(a, false);
    } else if ((ev.altKey && key("Z")) || (ev.ctrlKey && !ev.shiftKey && key("Z") && !typing(document.activeElement))) {
      ev.preventDefault();
      undo();
    } else if (ev.altKey && key("T") && a) {
      ev.preventDefault();
      insertTag(a);
    } else if (ev.altKey && ev.key === "ArrowDown") {
      ev.preventDefault();
      a ? move(a, 1, false) : focus(sentences()[0]);
    } else if (ev.altKey && ev.key === "ArrowUp") {
      ev.preventDefault();
      a ? move(a, -1, false) : focus(sentences()[0]);
    } else if (ev.altKey && key("S") && a) {
      ev.preventDefault();
      move(a, 1, true);
    }
  });

  document.getElementById("filter").addEventListener("change", (ev) => {
    body.classList.toggle("needs-only", ev.target.checked);
  });

  const first = document.querySelector('article.sentence[data-needs="true"]');
  if (first) {
    focus(first);
  } else if (document.querySelector("article.sentence")) {
    showDone();
  }
})();
