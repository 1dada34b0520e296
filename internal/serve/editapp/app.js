// glot edit: the in-page editor. Hand-written, with no framework and no
// build step (internal/serve/edit.go says why not htmx). Every text that
// comes from the site (sources, translations, notes, suggestions) goes
// into the page as text nodes, never as HTML; placeholders become chips
// built as elements from the parsed tags.
"use strict";
(function () {
  const app = document.getElementById("app");
  const LANG = app.dataset.lang;
  const TOKEN = app.dataset.token;
  const REVIEW = app.dataset.review === "true";
  const $ = (id) => document.getElementById(id);
  const frame = $("frame");
  const st = { pages: [], page: null, segs: [], cur: -1, filter: "all", timer: 0, seq: 0, drag: null, onPage: new Set() };
  const LEFT_TO_DO = ["missing", "stale"];

  // el makes an element; strings among kids become text nodes.
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    e.append(...kids);
    return e;
  }

  async function api(name, params, body) {
    const url = "api/" + name + (params ? "?" + new URLSearchParams(params) : "");
    const init = body ? { method: "POST", headers: { "Content-Type": "application/json", "X-Glot-Token": TOKEN }, body: JSON.stringify(body) } : {};
    let resp, data = null;
    try {
      resp = await fetch(url, init);
      data = await resp.json();
    } catch (e) {
      return { status: resp ? resp.status : 0, data: { error: String(e) } };
    }
    return { status: resp.status, data };
  }

  // Message text (internal/msgtext): numbered tags <1>, </1>, <2/>;
  // everything else is literal text.
  const TAG = /<([1-9][0-9]*)>|<\/([1-9][0-9]*)>|<([1-9][0-9]*)\/>/g;
  function parse(s) {
    const out = [];
    let last = 0;
    for (const m of s.matchAll(TAG)) {
      if (m.index > last) out.push({ text: s.slice(last, m.index) });
      out.push({ tag: m[0], kind: m[1] ? "open" : m[2] ? "close" : "self", n: m[1] || m[2] || m[3] });
      last = m.index + m[0].length;
    }
    if (last < s.length) out.push({ text: s.slice(last) });
    return out;
  }
  const tagsOf = (s) => parse(s || "").filter((t) => t.tag).map((t) => t.tag);
  const NAMES = { open: "start of placeholder ", close: "end of placeholder ", self: "placeholder " };

  function chip(tok, draggable) {
    const c = el("span", { class: "chip", contenteditable: "false", "data-tag": tok.tag, title: NAMES[tok.kind] + tok.n }, tok.tag);
    if (draggable) {
      c.draggable = true;
      c.addEventListener("dragstart", (e) => {
        st.drag = c;
        e.dataTransfer.setData("text/plain", tok.tag);
        e.dataTransfer.effectAllowed = "copyMove";
      });
      c.addEventListener("dragend", () => { st.drag = null; });
    }
    return c;
  }
  const nodesOf = (s, draggable) => parse(s || "").map((t) => (t.tag ? chip(t, draggable) : document.createTextNode(t.text)));

  // serialize turns an editor's content back into message text: text as
  // it is, each chip its tag.
  function serialize(node) {
    let out = "";
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) out += n.data;
      else if (n.nodeType !== Node.ELEMENT_NODE) continue;
      else if (n.dataset.tag) out += n.dataset.tag;
      else if (n.tagName === "BR") out += n === node.lastChild ? "" : "\n";
      else out += (n.tagName === "DIV" && out && !out.endsWith("\n") ? "\n" : "") + serialize(n);
    }
    return out;
  }

  const cur = () => st.segs[st.cur];
  const formsOf = (seg) => (seg.forms && seg.forms.length ? seg.forms : ["other"]);
  const editors = () => [...$("forms").querySelectorAll(".field")];
  function readForms() {
    const forms = {};
    for (const ed of editors()) forms[ed.dataset.form] = serialize(ed);
    return forms;
  }

  // missingTags lists the tags of the source that a form lacks.
  function missingTags(seg, forms) {
    const out = [];
    for (const [form, text] of Object.entries(forms)) {
      const have = tagsOf(text);
      for (const t of tagsOf(seg.source)) {
        const i = have.indexOf(t);
        if (i >= 0) have.splice(i, 1);
        else out.push({ form, tag: t });
      }
    }
    return out;
  }

  // ---- the page and its outlines ----

  const OUTLINE_CSS = `[data-glot-edit]{cursor:pointer;outline-offset:2px}
[data-glot-edit=missing]{outline:3px dashed #c00000}
[data-glot-edit=stale]{outline:3px dotted #b35c00}
[data-glot-edit=refused]{outline:4px double #800080}
[data-glot-edit=translated]{outline:1px solid #0050b0}
[data-glot-edit=reviewed]{outline:3px solid #007000}
[data-glot-edit-selected]{background-color:rgba(255,214,0,.35);outline-offset:4px}`;

  function outline() {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    if (!doc.getElementById("glot-edit-outlines")) {
      const style = doc.createElement("style");
      style.id = "glot-edit-outlines";
      style.textContent = OUTLINE_CSS;
      (doc.head || doc.documentElement).append(style);
      doc.addEventListener("click", onFrameClick, true);
      doc.addEventListener("keydown", onKey);
    }
    const byId = new Map(st.segs.map((s, i) => [s.id, i]));
    st.onPage = new Set();
    for (const e of doc.querySelectorAll("[data-glot-id]")) {
      const i = byId.get(e.getAttribute("data-glot-id"));
      if (i === undefined) continue;
      st.onPage.add(i);
      e.setAttribute("data-glot-edit", st.segs[i].state);
      e.toggleAttribute("data-glot-edit-selected", i === st.cur);
    }
  }

  function onFrameClick(e) {
    const hit = e.target.closest && e.target.closest("[data-glot-id]");
    if (!hit) return;
    const i = st.segs.findIndex((s) => s.id === hit.getAttribute("data-glot-id"));
    if (i < 0) return;
    e.preventDefault();
    e.stopPropagation();
    select(i, true);
  }

  function frameElements(i) {
    const doc = frame.contentDocument;
    if (!doc || i < 0) return [];
    return [...doc.querySelectorAll("[data-glot-id]")].filter((e) => e.getAttribute("data-glot-id") === st.segs[i].id);
  }

  // ---- the list of messages, the pages, progress ----

  const shown = () => st.segs.map((s, i) => i).filter((i) => st.filter === "all" || st.segs[i].state === st.filter);

  function renderList() {
    const list = $("segments");
    list.replaceChildren(...shown().map((i) => {
      const s = st.segs[i];
      const o = el("div", { role: "option", id: "seg-" + i, "data-id": s.id, "aria-selected": String(i === st.cur) },
        el("span", { class: "st" }, s.state), el("span", { class: "txt", lang: s.source_lang, dir: s.source_dir }, s.source));
      if (!st.onPage.has(i)) o.append(el("span", { class: "off" }, "(not on the page: " + s.kind + ")"));
      o.addEventListener("click", () => select(i, false));
      return o;
    }));
    if (st.cur >= 0 && $("seg-" + st.cur)) list.setAttribute("aria-activedescendant", "seg-" + st.cur);
    else list.removeAttribute("aria-activedescendant");
  }

  function counts(p) {
    const done = p.translated + p.reviewed;
    return `${done} of ${p.messages} translated (${p.missing} missing, ${p.stale} stale, ${p.refused} refused, ${p.reviewed} reviewed)`;
  }

  function renderProgress() {
    const all = { messages: 0, missing: 0, stale: 0, refused: 0, translated: 0, reviewed: 0 };
    for (const p of st.pages) for (const k in all) all[k] += p[k];
    const parts = [];
    if (st.page) parts.push("This page: " + counts(st.page) + ".");
    parts.push(LANG + ", all pages: " + counts(all) + ".");
    $("progress").textContent = parts.join(" ");
  }

  async function loadPages() {
    const r = await api("pages", { lang: LANG });
    if (r.status !== 200) return fail(r);
    st.pages = r.data || [];
    const sel = $("page");
    const at = st.page ? st.page.path : null;
    sel.replaceChildren(...st.pages.map((p) => el("option", { value: p.path }, `${p.title || p.path} (${p.missing + p.stale} to do)`)));
    // A translator starts on the first page with work left; a reviewer
    // on the first page.
    st.page = st.pages.find((p) => p.path === at) || (!REVIEW && st.pages.find((p) => p.missing + p.stale > 0)) || st.pages[0] || null;
    if (st.page) sel.value = st.page.path;
    renderProgress();
  }

  async function loadSegments(keepEditor) {
    const page = st.page;
    const r = await api("segments", { lang: LANG, page: page.path });
    // Another page was chosen while this one's messages were on their
    // way: they are not wanted any more.
    if (page !== st.page) return;
    if (r.status !== 200) return fail(r);
    const id = cur() && cur().id;
    st.segs = r.data || [];
    st.cur = st.segs.findIndex((s) => s.id === id);
    if (keepEditor && st.cur >= 0) {
      outline();
      renderList();
      const now = Object.entries(cur().translation || {}).map(([f, t]) => (formsOf(cur()).length > 1 ? f + ": " : "") + t);
      $("saved").textContent = "Read again. In the files now: " + (now.join(" | ") || "no translation") + ". Save to put yours in its place.";
      $("alert").textContent = "";
      return;
    }
    if (st.cur < 0) st.cur = st.segs.findIndex((s) => (REVIEW ? s.state === "translated" : LEFT_TO_DO.includes(s.state)));
    openPage();
  }

  function openPage() {
    const url = st.page.url;
    if (frame.getAttribute("src") !== url) {
      // Until the page asked for has loaded, a load of another is the
      // page before's, late: not a link the reader followed.
      st.loading = url;
      frame.setAttribute("src", url);
    } else outline();
    renderList();
    show(st.cur);
  }

  function fail(r) {
    $("alert").textContent = "glot: " + ((r.data && r.data.error) || "the server answered " + r.status);
  }

  // ---- one message in the editor ----

  function select(i, fromFrame) {
    if (i < 0 || i >= st.segs.length) return;
    st.cur = i;
    outline();
    renderList();
    show(i);
    const opt = $("seg-" + i);
    if (opt) opt.scrollIntoView({ block: "nearest" });
    if (!fromFrame) {
      const e = frameElements(i)[0];
      if (e) e.scrollIntoView({ block: "center" });
    }
    const ed = editors()[0];
    if (ed && fromFrame) ed.focus();
  }

  function show(i) {
    const seg = st.segs[i];
    $("editor").hidden = !seg;
    if (!seg) return;
    $("ed-h").textContent = "Message " + seg.id;
    $("ed-state").textContent = "State: " + seg.state + (seg.rejected ? ". Rejected by a reviewer: " + seg.rejected : "");
    setText($("source"), seg.source, seg.source_lang, seg.source_dir, !REVIEW);
    $("previous-box").hidden = !seg.previous;
    setText($("previous"), seg.previous || "", seg.source_lang, seg.source_dir, false);
    $("diff").setAttribute("lang", seg.source_lang);
    $("diff").setAttribute("dir", seg.source_dir);
    $("diff").replaceChildren(...(seg.diff || []).map((d) => {
      const words = nodesOf(d.text, false);
      return d.op === "-" ? el("del", {}, ...words) : d.op === "+" ? el("ins", {}, ...words) : el("span", {}, ...words);
    }));
    renderForms(seg);
    renderNotes(seg);
    renderSuggestions(seg);
    renderGlossary(seg);
    $("alert").textContent = "";
    $("saved").textContent = "";
    if ($("reload")) $("reload").hidden = true;
    if ($("comment")) $("comment").value = "";
    renderProblems(seg.problems);
    renderChips();
  }

  function setText(box, s, lang, dir, draggable) {
    box.setAttribute("lang", lang);
    box.setAttribute("dir", dir);
    box.replaceChildren(...nodesOf(s, draggable));
  }

  function renderForms(seg) {
    const box = $("forms");
    const forms = formsOf(seg);
    box.replaceChildren();
    for (const f of forms) {
      const label = forms.length > 1 ? `Translation (${seg.lang}), form ${f}` : `Translation (${seg.lang})`;
      const text = (seg.translation && seg.translation[f]) || "";
      if (REVIEW) {
        const id = "tr-" + f;
        box.append(el("span", { class: "form-label", id: id + "-l" }, label));
        const t = el("div", { class: "text", id, lang: seg.lang, dir: seg.dir, "aria-labelledby": id + "-l" });
        t.append(...nodesOf(text, false));
        box.append(t);
        continue;
      }
      const ed = el("div", { class: "field", contenteditable: "true", role: "textbox", "aria-multiline": "true", "aria-label": label, lang: seg.lang, dir: seg.dir, "data-form": f, spellcheck: "true" });
      ed.append(...nodesOf(text, true));
      wireEditor(ed);
      if (forms.length > 1) box.append(el("span", { class: "form-label", "aria-hidden": "true" }, "Form " + f));
      box.append(ed);
    }
  }

  function renderNotes(seg) {
    const rows = [["Element", seg.kind], ["Where", seg.where]];
    if (seg.note) rows.push(["Note", seg.note]);
    $("notes").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v || "")]));
  }

  function renderSuggestions(seg) {
    const list = (seg.suggestions || []).slice(0, 9);
    $("suggestions").replaceChildren(...list.map((s, n) => {
      const li = el("li", {}, el("span", { lang: seg.lang, dir: seg.dir }, s.text), ` (${s.score}% alike, for “`, el("span", { lang: seg.source_lang, dir: seg.source_dir }, s.source), "”) ");
      if (!REVIEW) {
        const b = el("button", { type: "button", "aria-keyshortcuts": "Alt+" + (n + 1) }, "Insert " + (n + 1));
        b.addEventListener("click", () => insertSuggestion(n));
        li.append(b);
      }
      for (const c of s.cautions || []) li.append(el("div", { class: "caution" }, "Caution: " + c));
      return li;
    }));
    if (!list.length) $("suggestions").append(el("li", { class: "none" }, "None."));
  }

  function renderGlossary(seg) {
    const terms = seg.glossary || [];
    $("glossary").replaceChildren(...terms.flatMap((g) => [
      el("dt", { lang: seg.source_lang, dir: seg.source_dir }, g.term),
      el("dd", { lang: seg.lang, dir: seg.dir }, g.translation, g.note ? el("span", { lang: "" }, " (" + g.note + ")") : ""),
    ]));
    if (!terms.length) $("glossary").append(el("dd", {}, "No term of the glossary."));
  }

  function renderProblems(problems) {
    const ps = problems || [];
    $("problems").replaceChildren(ps.length
      ? el("ul", {}, ...ps.map((p) => el("li", { class: p.severity }, (p.severity === "error" ? "Error: " : "Warning: ") + p.text + " (" + p.check + ")")))
      : "");
  }

  // renderChips shows the placeholders of the source that the translation
  // lacks, each with a button that puts it back at the caret.
  function renderChips() {
    const seg = cur();
    const box = $("chips");
    if (!seg || REVIEW) return box.replaceChildren();
    const miss = missingTags(seg, readForms());
    if (!miss.length) return box.replaceChildren();
    box.replaceChildren("Placeholders of the source missing from the translation (it cannot be saved without them):",
      el("ul", {}, ...miss.map((m) => {
        const b = el("button", { type: "button", "aria-label": "Insert " + m.tag + (formsOf(seg).length > 1 ? " in form " + m.form : "") }, "Insert ");
        b.append(chip(parse(m.tag)[0], false));
        b.addEventListener("click", () => insertAt(editorOf(m.form), nodesOf(m.tag, true)));
        return el("li", {}, b);
      })));
  }

  const editorOf = (form) => editors().find((e) => e.dataset.form === form);

  // ---- the translation field ----

  let lastEditor = null;
  function wireEditor(ed) {
    ed.addEventListener("focus", () => { lastEditor = ed; });
    ed.addEventListener("input", changed);
    ed.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
        e.preventDefault(); // a message is one paragraph; Ctrl+Enter saves
      }
    });
    ed.addEventListener("paste", (e) => {
      e.preventDefault();
      insertAt(ed, nodesOf(e.clipboardData.getData("text/plain"), true));
    });
    const copy = (e, cut) => {
      const sel = getSelection();
      if (!sel.rangeCount || !ed.contains(sel.getRangeAt(0).commonAncestorContainer)) return;
      e.preventDefault();
      const range = sel.getRangeAt(0);
      e.clipboardData.setData("text/plain", serialize(range.cloneContents()));
      if (cut) {
        range.deleteContents();
        changed();
      }
    };
    ed.addEventListener("copy", (e) => copy(e, false));
    ed.addEventListener("cut", (e) => copy(e, true));
    ed.addEventListener("dragover", (e) => e.preventDefault());
    ed.addEventListener("drop", (e) => {
      e.preventDefault();
      const range = caretAt(e.clientX, e.clientY);
      if (!range || !ed.contains(range.startContainer)) return;
      const moved = st.drag && ed.contains(st.drag) ? st.drag : null;
      const nodes = moved ? [moved] : nodesOf(e.dataTransfer.getData("text/plain"), true);
      st.drag = null;
      setCaret(range);
      insertAt(ed, nodes);
    });
  }

  function caretAt(x, y) {
    if (document.caretRangeFromPoint) return document.caretRangeFromPoint(x, y);
    const p = document.caretPositionFromPoint && document.caretPositionFromPoint(x, y);
    if (!p) return null;
    const r = document.createRange();
    r.setStart(p.offsetNode, p.offset);
    return r;
  }

  function setCaret(range) {
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // insertAt puts nodes at the caret in ed (in place of the selection), or
  // at its end when the caret is elsewhere.
  function insertAt(ed, nodes) {
    if (!ed) return;
    const sel = getSelection();
    let range;
    if (sel.rangeCount && ed.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      range = sel.getRangeAt(0);
      range.deleteContents();
    } else {
      range = document.createRange();
      range.selectNodeContents(ed);
      range.collapse(false);
    }
    const frag = document.createDocumentFragment();
    frag.append(...nodes);
    const last = frag.lastChild;
    range.insertNode(frag);
    ed.normalize();
    ed.focus();
    if (last && last.parentNode) {
      range = document.createRange();
      range.setStartAfter(last);
      range.collapse(true);
      setCaret(range);
    }
    changed();
  }

  function insertSuggestion(n) {
    const seg = cur();
    const s = seg && seg.suggestions && seg.suggestions[n];
    if (!s || REVIEW) return;
    insertAt(lastEditor && lastEditor.isConnected ? lastEditor : editors()[0], nodesOf(s.text, true));
  }

  // changed runs the checks a moment after the typing stops, on the
  // server: the same code as glot check.
  function changed() {
    renderChips();
    $("saved").textContent = "";
    clearTimeout(st.timer);
    const seg = cur();
    st.timer = setTimeout(async () => {
      const seq = ++st.seq;
      const r = await api("check", null, { lang: LANG, id: seg.id, forms: readForms(), version: seg.version });
      if (seq !== st.seq || cur() !== seg) return; // typed on since, or moved
      if (r.status === 200) renderProblems(r.data.problems);
      else fail(r);
    }, 300);
  }

  // ---- saving and reviewing ----

  async function save() {
    const seg = cur();
    if (!seg || REVIEW) return;
    const forms = readForms();
    const miss = missingTags(seg, forms);
    if (miss.length) {
      $("alert").textContent = "Not saved: the translation lacks the placeholder " + miss.map((m) => m.tag).join(", ") + " of the source. Put it back (the buttons above) and save again.";
      return;
    }
    clearTimeout(st.timer);
    st.seq++;
    const r = await api("save", null, { lang: LANG, id: seg.id, forms, version: seg.version });
    if (r.status === 409) {
      $("alert").textContent = "Not saved: " + r.data.error + ". This message changed (in another tab, or in the files) since you opened it. Your text is kept here: read the message again, compare, then save.";
      $("reload").hidden = false;
      return;
    }
    if (r.status === 422) {
      $("alert").textContent = "Not saved: the checks refuse this translation.";
      renderProblems(r.data.problems);
      return;
    }
    if (r.status !== 200) return fail(r);
    done(r.data, "Saved.", (s) => LEFT_TO_DO.includes(s.state));
  }

  async function review(approve) {
    const seg = cur();
    if (!seg) return;
    const r = await api("review", null, { lang: LANG, id: seg.id, approve, comment: $("comment").value, version: seg.version });
    if (r.status === 409) {
      $("alert").textContent = "Not recorded: " + r.data.error + ". This message changed since you opened it: reload the editor and review it again.";
      return;
    }
    if (r.status !== 200) return fail(r);
    done(r.data, approve ? "Approved." : "Rejected.", (s) => s.state === "translated");
  }

  // done takes the message as it stands after a write, shows the page
  // again, and goes on to the next message that next() wants, in reading
  // order.
  function done(seg, said, next) {
    const i = st.cur;
    st.segs[i] = seg;
    frame.contentWindow.location.reload();
    loadPages();
    let to = i;
    for (let k = 1; k < st.segs.length; k++) {
      const j = (i + k) % st.segs.length;
      if (next(st.segs[j])) {
        to = j;
        break;
      }
    }
    select(to, false);
    if (editors()[0]) editors()[0].focus();
    $("saved").textContent = said + (to === i ? " Nothing left to do on this page." : "");
  }

  // ---- keyboard ----

  function move(by) {
    const list = shown();
    if (!list.length) return;
    const at = list.indexOf(st.cur);
    const to = at < 0 ? list[0] : list[Math.max(0, Math.min(list.length - 1, at + by))];
    select(to, false);
  }

  function onKey(e) {
    if (e.ctrlKey && e.key === "Enter") {
      e.preventDefault();
      save();
    } else if (e.ctrlKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.altKey && !e.ctrlKey && /^Digit[1-9]$/.test(e.code)) {
      e.preventDefault();
      insertSuggestion(Number(e.code.slice(5)) - 1);
    }
  }

  document.addEventListener("keydown", onKey);
  $("segments").addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
      $("segments").focus();
    } else if (e.key === "Enter" && editors()[0]) {
      e.preventDefault();
      editors()[0].focus();
    }
  });
  $("filter").addEventListener("change", () => {
    st.filter = $("filter").value;
    renderList();
  });
  $("lang").addEventListener("change", () => {
    location.search = "?lang=" + encodeURIComponent($("lang").value);
  });
  $("page").addEventListener("change", () => {
    st.page = st.pages.find((p) => p.path === $("page").value);
    // The page before may still be loading: only this one's load counts.
    st.loading = st.page.url;
    st.cur = -1;
    renderProgress();
    loadSegments(false);
  });
  frame.addEventListener("load", () => {
    // Followed a link of the page: open that page's messages.
    const doc = frame.contentDocument;
    const at = doc && doc.location.pathname;
    if (st.loading) {
      if (at !== st.loading) return;
      st.loading = null;
    }
    const p = doc && st.pages.find((q) => q.url === at);
    if (p && p !== st.page) {
      st.page = p;
      $("page").value = p.path;
      renderProgress();
      st.cur = -1;
      loadSegments(false);
      return;
    }
    outline();
    renderList();
  });
  if (REVIEW) {
    $("approve").addEventListener("click", () => review(true));
    $("reject").addEventListener("click", () => review(false));
  } else {
    $("save").addEventListener("click", save);
    $("copy").addEventListener("click", () => {
      const ed = lastEditor && lastEditor.isConnected ? lastEditor : editors()[0];
      if (ed && cur()) insertAt(ed, nodesOf(cur().source, true));
    });
    $("reload").addEventListener("click", () => loadSegments(true));
  }

  (async function start() {
    await loadPages();
    if (st.page) await loadSegments(false);
    else $("alert").textContent = "glot: the site has no page to translate.";
  })();
})();
