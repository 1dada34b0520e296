package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/glottest/browser"
)

// interrupted says that the test's glot edits were sent the interrupt
// that stops them all.
var interrupted atomic.Bool

// startEdit runs glot edit with args in the site dir until the test ends,
// and returns the editor's address.
func startEdit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r, w := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(append([]string{"-C", dir, "edit", "--no-open", "--addr", "127.0.0.1:0"}, args...), w, &stderr)
		w.Close()
	}()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("glot edit said nothing: %v\n%s", err, stderr.String())
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	url := regexp.MustCompile(`http://\S+/__glot/edit/`).FindString(line)
	if url == "" {
		t.Fatalf("glot edit: %q", line)
	}
	t.Cleanup(func() {
		// glot edit stops on an interrupt, as on Ctrl-C; one interrupt
		// stops every glot edit the test started.
		if !interrupted.Swap(true) {
			_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
		}
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("glot edit: exit %d\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("glot edit did not stop")
		}
	})
	return url
}

// field is the message text in the translation field, as the app saves
// it: its text, each chip its tag.
const editField = `[...document.querySelector(".field").childNodes].map(n => n.nodeType === 3 ? n.data : n.dataset.tag || "").join("")`

// TestEdit is issue 15's walk through glot edit on the sample site, in
// German: a translation typed with its placeholders moved is saved with
// Ctrl+Enter into exactly the files glot merge writes for the same text;
// a changed number is found as it is typed; a translation without a
// placeholder is refused; a message changed in the files meanwhile is not
// saved over; a reviewer's approval is counted by glot status; and a
// write without the session's token, or from another origin, is refused.
// Screenshots, in German and in Arabic, go to $GLOT_SCREENSHOTS.
func TestEdit(t *testing.T) {
	glottest.Slow(t, "it starts Chromium")
	dir := sampleSite(t)
	url := startEdit(t, dir, "--lang", "de")
	b := browser.New(t, url)
	b.Do("opening the editor", chromedp.Navigate(url))
	b.Wait("the page is outlined", `(() => { const d = document.getElementById("frame").contentDocument; return !!d && !!d.querySelector('[data-glot-edit="missing"]'); })()`)

	// The first missing message, in reading order, with two pairs of
	// placeholders: clicked in the page, and typed with the second pair
	// of chips before the first.
	page, id, source := firstMissing(t, url)
	choosePage(b, page)
	x, y := b.Point(`(() => { const f = document.getElementById("frame"); const e = f.contentDocument.querySelector('[data-glot-id="` + id + `"]'); e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(), o = f.getBoundingClientRect(); return [o.left + r.left + 8, o.top + r.top + r.height / 2]; })()`)
	b.Do("clicking the message in the page", chromedp.MouseClickXY(x, y))
	b.Wait("the message is open", `document.getElementById("ed-h").textContent === "Message `+id+`" && !!document.querySelector(".field")`)
	b.Click("the field", ".field")
	// The source with its second link before its first.
	pair := regexp.MustCompile(`<(\d)>.*?</(\d)>`)
	spans := pair.FindAllStringIndex(source, 2)
	want := source[:spans[0][0]] + source[spans[1][0]:spans[1][1]] + source[spans[0][1]:spans[1][0]] + source[spans[0][0]:spans[0][1]] + source[spans[1][1]:]
	typed := ""
	for _, step := range regexp.MustCompile(`</?\d/?>|[^<]+|<`).FindAllString(want, -1) {
		if regexp.MustCompile(`^</?\d/?>$`).MatchString(step) {
			// The chips' buttons are made again as the field changes:
			// found and clicked at once.
			b.Text(`(() => { document.querySelector('#chips button[aria-label="Insert ` + step + `"]').click(); return ""; })()`)
		} else {
			b.Keys(step)
		}
		typed += step
		b.Wait("the field holds what was typed", editField+` === `+strconv.Quote(typed))
	}
	b.Shot("edit-de.png")
	text := b.Text(editField)
	if text != want || strings.Index(text, "<2>") > strings.Index(text, "<1>") {
		t.Fatalf("the field holds %q, want %q", text, want)
	}
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("saved", `document.getElementById("ed-h").textContent !== "Message `+id+`"`)
	if a := b.Text(`document.getElementById("alert").textContent`); a != "" {
		t.Fatalf("the save: %s", a)
	}
	sameAsMerge(t, dir, id, text)

	// A number that is not the source's, found before any save.
	b.Text(`(() => { [...document.querySelectorAll("#segments [role=option]")].find(o => o.textContent.includes("Serafini")).click(); return ""; })()`)
	b.Wait("the second reference is open", `document.getElementById("source").textContent.includes("Serafini")`)
	b.Click("Copy the source", "#copy")
	b.Text(`(() => { const f = document.querySelector(".field"); for (const n of f.childNodes) if (n.nodeType === 3) n.data = n.data.replace("444", "445"); f.dispatchEvent(new Event("input", {bubbles: true})); return ""; })()`)
	b.Wait("the check finds the number", `document.getElementById("problems").textContent.includes("444")`)

	// A chip removed: refused.
	before := readFile(t, filepath.Join(dir, "locales", "translate.de.toml"))
	b.Text(`(() => { const f = document.querySelector(".field"); f.querySelector('.chip[data-tag="</1>"]').remove(); f.dispatchEvent(new Event("input", {bubbles: true})); return ""; })()`)
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("the save is refused", `document.getElementById("alert").textContent.includes("</1>")`)
	if readFile(t, filepath.Join(dir, "locales", "translate.de.toml")) != before {
		t.Error("a translation without a placeholder was written")
	}

	// The message is translated in the file meanwhile: the save is not
	// made over it.
	serafini := strings.TrimPrefix(b.Text(`document.getElementById("ed-h").textContent`), "Message ")
	at := strings.Index(before, "["+serafini+"]\n")
	meanwhile := before[:at] + strings.Replace(before[at:], `other = ""`, `other = "von Hand"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "locales", "translate.de.toml"), []byte(meanwhile), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Click("Copy the source", "#copy")
	b.Keys("\r", chromedp.ModifierCtrl)
	b.Wait("the conflict is said", `document.getElementById("alert").textContent.includes("changed since it was opened")`)
	if got := readFile(t, filepath.Join(dir, "locales", "translate.de.toml")); got != meanwhile {
		t.Error("the translation typed in the file meanwhile was saved over")
	}
	b.Controls(map[string]int{"button": 3, "textbox": 1, "listbox": 1, "combobox": 3})

	writesRefused(t, url)
	reviewed(t, dir, id)
	rtl(t, dir)
}

// firstMissing asks the editor at url for the first missing message of
// the German site, in reading order, that has two pairs of placeholders,
// and returns its page, id and source.
func firstMissing(t *testing.T, url string) (page, id, source string) {
	t.Helper()
	get := func(path string, v any) {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	var pages []struct{ Path string }
	get("api/pages?lang=de", &pages)
	for _, p := range pages {
		var segs []struct{ ID, State, Source string }
		get("api/segments?lang=de&page="+p.Path, &segs)
		for _, s := range segs {
			if s.State == "missing" && strings.Contains(s.Source, "</1>") && strings.Contains(s.Source, "</2>") {
				return p.Path, s.ID, s.Source
			}
		}
	}
	t.Fatal("no missing message in German has two pairs of placeholders")
	return
}

// choosePage opens page (its path in the content folder) in the editor,
// and waits until it is shown with its messages outlined.
func choosePage(b *browser.Browser, page string) {
	b.T.Helper()
	b.Do("choosing "+page, chromedp.SetValue(chromedp.CSS("#page"), page))
	b.Text(`(() => { document.getElementById("page").dispatchEvent(new Event("change")); return ""; })()`)
	stem := strings.TrimSuffix(page, ".md")
	b.Wait(page+" is shown and outlined", `(() => { const d = document.getElementById("frame").contentDocument; return !!d && d.location.pathname.includes(`+strconv.Quote(stem)+`) && !!d.querySelector("[data-glot-edit]"); })()`)
}

// sameAsMerge checks that the catalogs of dir are what a translator who
// typed text for message id into translate.de.toml and ran glot merge
// would have.
func sameAsMerge(t *testing.T, dir, id, text string) {
	t.Helper()
	by := sampleSite(t)
	tr := filepath.Join(by, "locales", "translate.de.toml")
	file := readFile(t, tr)
	at := strings.Index(file, "["+id+"]\n")
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text)
	file = file[:at] + strings.Replace(file[at:], `other = ""`, `other = "`+quoted+`"`, 1)
	if err := os.WriteFile(tr, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := Run([]string{"-C", by, "merge", "--lang", "de"}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("glot merge: exit %d", code)
	}
	for _, name := range []string{"active.de.toml", "translate.de.toml"} {
		if got, want := readFile(t, filepath.Join(dir, "locales", name)), readFile(t, filepath.Join(by, "locales", name)); got != want {
			t.Errorf("%s is not what glot merge writes:\n%s", name, glottest.LineDiff(want, got))
		}
	}
}

// writesRefused posts a save without the session's token, then with it
// from another origin: both are refused.
func writesRefused(t *testing.T, url string) {
	t.Helper()
	page, err := http.Get(url + "?lang=de")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	token := regexp.MustCompile(`data-token="([0-9a-f]+)"`).FindSubmatch(body)
	if token == nil {
		t.Fatal("no token on the editor's page")
	}
	origin := strings.TrimSuffix(url, "/__glot/edit/")
	for _, tt := range []struct{ what, token, origin string }{
		{"without the token", "", origin},
		{"from another origin", string(token[1]), "http://evil.example"},
	} {
		req, _ := http.NewRequest("POST", url+"api/save", strings.NewReader(`{"lang":"de","id":"x","forms":{"other":"y"},"version":"v"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", tt.origin)
		if tt.token != "" {
			req.Header.Set("X-Glot-Token", tt.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("a save %s: %d", tt.what, resp.StatusCode)
		}
	}
}

// reviewed approves message id in glot edit --review, and glot status
// counts it reviewed.
func reviewed(t *testing.T, dir, id string) {
	t.Helper()
	count := func() int {
		var out bytes.Buffer
		if code := Run([]string{"-C", dir, "status", "--lang", "de", "--format", "json"}, &out, io.Discard); code != 0 {
			t.Fatalf("glot status: exit %d", code)
		}
		var st struct {
			Languages []struct{ Reviewed int } `json:"languages"`
		}
		if err := json.Unmarshal(out.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
		return st.Languages[0].Reviewed
	}
	before := count()
	url := startEdit(t, dir, "--lang", "de", "--review")
	b := browser.New(t, url)
	b.Do("opening the review", chromedp.Navigate(url))
	b.Wait("the first page is outlined", `(() => { const d = document.getElementById("frame").contentDocument; return !!d && !!d.querySelector("[data-glot-edit]"); })()`)
	choosePage(b, "ketamine-infusion-therapy.md")
	b.Wait("the message is listed", `!!document.querySelector('#segments [role=option][data-id="`+id+`"]')`)
	b.Text(`(() => { document.querySelector('#segments [role=option][data-id="` + id + `"]').click(); return ""; })()`)
	b.Wait("the message is open", `document.getElementById("ed-h").textContent === "Message `+id+`"`)
	b.Click("Approve", "#approve")
	b.Wait("approved", `document.getElementById("saved").textContent.length > 0`)
	if after := count(); after != before+1 {
		t.Errorf("glot status counts %d reviewed, was %d", after, before)
	}
	b.Shot("edit-review-de.png")
}

// rtl opens the editor in Arabic: it is mirrored.
func rtl(t *testing.T, dir string) {
	t.Helper()
	url := startEdit(t, dir, "--lang", "ar")
	b := browser.New(t, url)
	b.Do("opening the editor in Arabic", chromedp.Navigate(url))
	// Arabic is translated whole: nothing is opened for the translator,
	// who opens the first message.
	b.Wait("the page is outlined", `(() => { const d = document.getElementById("frame").contentDocument; return !!d && !!d.querySelector("[data-glot-edit]"); })()`)
	b.Text(`(() => { document.querySelector("#segments [role=option]").click(); return ""; })()`)
	b.Wait("a message is open", `!!document.querySelector(".field")`)
	if dir := b.Text(`document.documentElement.dir + " " + getComputedStyle(document.getElementById("app")).direction + " " + document.querySelector(".field").dir`); dir != "rtl rtl rtl" {
		t.Errorf("the editor's direction with Arabic: %q", dir)
	}
	page, _ := b.Point(`[document.querySelector(".page-pane").getBoundingClientRect().left, 0]`)
	editor, _ := b.Point(`[document.getElementById("editor").getBoundingClientRect().left, 0]`)
	if editor >= page {
		t.Errorf("right to left, the message (x=%v) is not left of the page (x=%v)", editor, page)
	}
	b.Shot("edit-ar.png")
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// glot edit refuses an address other machines could reach before it
// builds anything, unless --public is given, as glot serve does.
func TestEditAddr(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	var errb bytes.Buffer
	if code := Run([]string{"-C", dir, "edit", "--no-open", "--addr", "0.0.0.0:0"}, io.Discard, &errb); code != exitUsage || !strings.Contains(errb.String(), "--addr 0.0.0.0:0 means every network interface") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, ".glot-cache", "edit")); !os.IsNotExist(err) {
		t.Error("the editor's pages were built for a refused address")
	}
}
