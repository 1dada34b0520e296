package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/glottest/browser"
)

// builtPage is the page a.md as built in lang, each message's element
// marked as glot build marks them for the editor.
func builtPage(lang, dir string) string {
	return `<!DOCTYPE html><html lang="` + lang + `" dir="` + dir + `"><head><meta charset="utf-8"><title>Dosing</title></head>
<body><main><h1 data-glot-id="h1">Dosierung</h1>
<p data-glot-id="p1">Take <b>2 pills</b> daily<br>.</p>
<p data-glot-id="p2">Ask your <a href="/` + lang + `/doctor/">doctor</a>.</p></main></body></html>`
}

// field is the message text in the translation field, as the app would
// save it: its text, each chip its tag.
const field = `[...document.querySelector(".field").childNodes].map(n => n.nodeType === 3 ? n.data : n.dataset.tag || "").join("")`

// overflow names the elements of the app that stick out of the window,
// if any.
const overflow = `[...document.querySelectorAll("#app *")].filter(e => { const r = e.getBoundingClientRect(); return r.width && (r.left < -1 || r.right > innerWidth + 1); }).map(e => e.tagName + "#" + e.id + "." + e.className + " " + Math.round(e.getBoundingClientRect().left) + ".." + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(", ")`

// outlined is true when the element of message id in the framed page is
// outlined as state.
func outlined(id, state string) string {
	return `(() => { const d = document.getElementById("frame").contentDocument; const e = d && d.querySelector('[data-glot-id="` + id + `"]'); return !!e && e.getAttribute("data-glot-edit") === "` + state + `"; })()`
}

// serveEditor serves a preview with an editor until the test ends; it is
// to be called before the browser starts, so as to be closed after it:
// the browser's framed pages hold reload streams open.
func serveEditor(t *testing.T, o Options) *httptest.Server {
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = New(o).Handler(srv.Listener.Addr())
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// TestEditBrowser translates in the editor as a translator does: it
// clicks a missing message on the page, types with the placeholders as
// chips and moves one, sees a check as it types, saves with Ctrl+Enter,
// is refused a save without a chip, and is told of a conflict. Every
// control has a name and a role, and with Arabic as the target the app is
// mirrored. Screenshots go to $GLOT_SCREENSHOTS, or the test's temporary
// folder.
func TestEditBrowser(t *testing.T) {
	glottest.Slow(t, "it starts Chromium")
	root := t.TempDir()
	for lang, dir := range map[string]string{"de": "ltr", "ar": "rtl"} {
		if err := os.MkdirAll(filepath.Join(root, lang, "a"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, lang, "a", "index.html"), []byte(builtPage(lang, dir)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, f2 := newFakeEditor("de", "ar"), newFakeEditor("de")
	srv := serveEditor(t, Options{Root: root, Editor: f})
	review := serveEditor(t, Options{Root: root, Editor: f2, ReviewMode: true})
	b := browser.New(t, srv.URL)

	translate(b, f)
	keyboard(b)
	accessible(b)
	if wide := b.Text(overflow); wide != "" {
		t.Errorf("the app is wider than the window: %s", wide)
	}
	b.Shot("edit-de.png")
	// A stale message in Arabic: its old source, what changed, and its old
	// translation to start from.
	f.mu.Lock()
	p2 := &f.segs["ar"][3]
	p2.State, p2.Previous = "stale", "Ask a <1>doctor</1>."
	p2.Diff = []EditDiff{{" ", "Ask "}, {"-", "a"}, {"+", "your"}, {" ", " <1>doctor</1>."}}
	p2.Translation = map[string]string{"other": "اسأل <1>طبيبًا</1>."}
	f.mu.Unlock()
	mirrored(b)
	b.Shot("edit-ar.png")

	b.Base = review.URL
	reviewing(b, f2)
	b.Shot("edit-review-de.png")
}

// translate is the translator's walk through the German page.
func translate(b *browser.Browser, f *fakeEditor) {
	t := b.T
	b.Do("opening the editor", chromedp.Navigate(b.Base+"/__glot/edit/?lang=de"))
	b.Wait("the page is outlined", outlined("p1", "missing"))
	if got := b.Text(`document.querySelector('#segments [aria-selected=true] .off') ? "off" : ""`); got != "off" {
		t.Errorf("the message the editor opens with, the title, is not listed as off the page")
	}
	// The first missing message on the page, clicked in the page.
	x, y := b.Point(`(() => { const f = document.getElementById("frame").getBoundingClientRect(); const r = document.getElementById("frame").contentDocument.querySelector('[data-glot-id="p1"]').getBoundingClientRect(); return [f.left + r.left + 8, f.top + r.top + r.height / 2]; })()`)
	b.Do("clicking p1 in the page", chromedp.MouseClickXY(x, y))
	b.Wait("p1 is open", `document.getElementById("ed-h").textContent === "Message p1" && document.activeElement.classList.contains("field")`)
	if got := b.Text(`[...document.querySelectorAll("#source .chip")].map(c => c.dataset.tag).join(" ")`); got != "<1> </1> <2/>" {
		t.Errorf("the source's chips: %q", got)
	}
	b.Keys("Täglich ")
	b.Click("Insert <1>", `#chips button[aria-label="Insert <1>"]`)
	b.Keys("zwei Tabletten")
	b.Click("Insert </1>", `#chips button[aria-label="Insert </1>"]`)
	b.Keys(" nehmen.")
	b.Click("Insert <2/>", `#chips button[aria-label="Insert <2/>"]`)
	// The standalone chip, dragged to the start.
	fx, fy := b.Point(`(() => { const r = document.querySelector('.field .chip[data-tag="<2/>"]').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	tx, ty := b.Point(`(() => { const r = document.createRange(); const t = document.querySelector(".field").firstChild; r.setStart(t, 0); r.setEnd(t, 1); const b = r.getBoundingClientRect(); return [b.left + 1, b.top + b.height / 2]; })()`)
	b.Do("dragging <2/>", chromedp.DragAndDropXY(fx, fy, tx, ty))
	const want = "<2/>Täglich <1>zwei Tabletten</1> nehmen."
	if got := b.Text(field); got != want {
		t.Fatalf("the field holds %q, want %q", got, want)
	}
	b.Wait("the check warns of the number", `document.getElementById("problems").textContent.includes("Warning: the number 2 of the source is not in the translation")`)
	if slices.ContainsFunc(f.called(), func(c string) bool { return strings.HasPrefix(c, "save") }) {
		t.Fatal("saved before Ctrl+Enter")
	}
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("p2 is open after the save", `document.getElementById("ed-h").textContent === "Message p2"`)
	if calls := f.called(); !slices.Contains(calls, `save de p1 "`+want+`" v1`) {
		t.Fatalf("the save: %q", calls)
	}
	b.Wait("p1 is outlined as translated", outlined("p1", "translated"))

	// A chip removed: refused before it is posted.
	saves := len(f.called())
	b.Click("the field", ".field")
	b.Click("Copy the source", "#copy")
	b.Keys("\b")
	b.Keys("\b")
	if got := b.Text(field); got != "Ask your <1>doctor" {
		t.Fatalf("after two Backspaces the field holds %q", got)
	}
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("the save is refused", `document.getElementById("alert").textContent.includes("lacks the placeholder </1>")`)
	if calls := f.called(); len(calls) > saves && slices.ContainsFunc(calls[saves:], func(c string) bool { return strings.HasPrefix(c, "save") }) {
		t.Fatalf("a save without a chip was posted: %q", calls[saves:])
	}

	// A conflict: said, and the text stays.
	f.mu.Lock()
	f.conflict = true
	f.mu.Unlock()
	b.Click("Insert </1>", `#chips button[aria-label="Insert </1>"]`)
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("the conflict is said", `document.querySelector("[role=alert]").textContent.includes("changed since it was opened")`)
	if got := b.Text(field); got != "Ask your <1>doctor</1>" {
		t.Errorf("after the conflict the field holds %q", got)
	}
}

// accessible checks that every control of the editor has a name and a
// role in Chromium's accessibility tree.
func accessible(b *browser.Browser) {
	b.Controls(map[string]int{"button": 3, "textbox": 1, "listbox": 1, "combobox": 3, "option": 4})
}

// mirrored opens the editor with Arabic as the target: the app is right
// to left, the page on the right and the message on the left, and the
// fields say their language and direction.
func mirrored(b *browser.Browser) {
	t := b.T
	b.Do("opening the editor in Arabic", chromedp.Navigate(b.Base+"/__glot/edit/?lang=ar"))
	b.Wait("a message is open", `!!document.querySelector(".field") && !!document.getElementById("frame").contentDocument.querySelector("[data-glot-edit]")`)
	if dir := b.Text(`document.documentElement.dir + " " + getComputedStyle(document.getElementById("app")).direction`); dir != "rtl rtl" {
		t.Errorf("the app's direction with Arabic: %q", dir)
	}
	if wide := b.Text(overflow); wide != "" {
		t.Errorf("the app is wider than the window, right to left: %s", wide)
	}
	page, _ := b.Point(`[document.querySelector(".page-pane").getBoundingClientRect().left, 0]`)
	editor, _ := b.Point(`[document.getElementById("editor").getBoundingClientRect().left, 0]`)
	if editor >= page {
		t.Errorf("right to left, the message (x=%v) is not left of the page (x=%v)", editor, page)
	}
	b.Click("the stale message in the list", "#seg-3")
	b.Wait("p2 is open", `document.getElementById("ed-h").textContent === "Message p2"`)
	if got := b.Text(`[".field", "#source", "#previous", "#diff"].map(s => document.querySelector(s)).map(e => e.lang + "/" + e.dir).join(" ")`); got != "ar/rtl en/ltr en/ltr en/ltr" {
		t.Errorf("the fields' lang/dir: %q", got)
	}
	got := b.Text(`[document.getElementById("previous-box").hidden, document.querySelector("#diff del").textContent, document.querySelector("#diff ins").textContent].join("|") + "|" + ` + field)
	if got != "false|a|your|اسأل <1>طبيبًا</1>." {
		t.Errorf("the stale message: %q", got)
	}
}

// keyboard moves between messages with Ctrl+Up and Ctrl+Down, takes a
// suggestion with Alt+1, and filters the list.
func keyboard(b *browser.Browser) {
	t := b.T
	b.Keys(kb.ArrowUp, chromedp.ModifierCtrl)
	b.Wait("Ctrl+Up opens p1", `document.getElementById("ed-h").textContent === "Message p1"`)
	b.Keys(kb.ArrowUp, chromedp.ModifierCtrl)
	b.Wait("Ctrl+Up opens h1", `document.getElementById("ed-h").textContent === "Message h1"`)
	b.Keys(kb.ArrowDown, chromedp.ModifierCtrl)
	b.Wait("Ctrl+Down opens p1", `document.getElementById("ed-h").textContent === "Message p1"`)
	// Notes, suggestions and glossary are text, whatever they hold.
	if got := b.Text(`[...document.querySelectorAll("#notes dd")].map(e => e.textContent).join("|") + " " + document.querySelectorAll("#notes b").length`); got != "p|content/a.md:1|<b>not markup</b> 0" {
		t.Errorf("the notes: %q", got)
	}
	if got := b.Text(`document.getElementById("suggestions").textContent + " " + document.getElementById("glossary").textContent`); !strings.Contains(got, "Caution: the number differs") || !strings.Contains(got, "pillTablette") {
		t.Errorf("the suggestions and glossary: %q", got)
	}
	b.Click("the field", ".field")
	b.Keys("a", chromedp.ModifierCtrl)
	b.Keys("1", chromedp.ModifierAlt)
	if got := b.Text(field); got != "Nehmen Sie <1>2 Tabletten</1><2/>." {
		t.Errorf("Alt+1 put %q in the field", got)
	}
	b.Text(`(() => { const f = document.getElementById("filter"); f.value = "missing"; f.dispatchEvent(new Event("change")); return ""; })()`)
	if got := b.Text(`[...document.querySelectorAll("#segments [role=option] .st")].map(e => e.textContent).join(" ")`); got != "missing missing" {
		t.Errorf("filtered to the missing messages, the list shows %q", got)
	}
}

// reviewing approves and rejects in review mode, where the source and the
// translation stand side by side and nothing is edited.
func reviewing(b *browser.Browser, f *fakeEditor) {
	t := b.T
	b.Do("opening the review", chromedp.Navigate(b.Base+"/__glot/edit/?lang=de"))
	b.Wait("h1 is open for review", `document.getElementById("ed-h").textContent === "Message h1" && !!document.getElementById("tr-other")`)
	if n := b.Text(`String(document.querySelectorAll("[contenteditable=true], #save").length)`); n != "0" {
		t.Errorf("%s editable fields or Save buttons in review mode", n)
	}
	sx, sy := b.Point(`(() => { const r = document.getElementById("source").getBoundingClientRect(); return [r.left, r.top]; })()`)
	tx, ty := b.Point(`(() => { const r = document.getElementById("tr-other").getBoundingClientRect(); return [r.left, r.top]; })()`)
	if tx <= sx || ty > sy+40 {
		t.Errorf("the translation (%v,%v) is not beside the source (%v,%v)", tx, ty, sx, sy)
	}
	if got := b.Text(`(e => e.textContent + " " + e.lang + "/" + e.dir)(document.getElementById("tr-other"))`); got != "Dosierung de/ltr" {
		t.Errorf("the translation under review: %q", got)
	}
	b.Click("the comment", "#comment")
	b.Keys("zu förmlich")
	b.Click("Reject", "#reject")
	b.Wait("the rejection is recorded", `document.getElementById("saved").textContent.startsWith("Rejected.")`)
	b.Click("Approve", "#approve")
	b.Wait("h1 is outlined as reviewed", outlined("h1", "reviewed"))
	want := []string{`review de h1 false "zu förmlich" v1`, `review de h1 true "" v1`}
	if calls := f.called(); !slices.Equal(calls, want) {
		t.Errorf("the reviews: %q, want %q", calls, want)
	}
}
