// Package browser drives headless Chromium (Debian's chromium, through
// chromedp) for the tests of what glot shows in a browser: the editor,
// the review. It is a package of its own so that only the tests that
// start a browser link chromedp.
//
//	b := browser.New(t, srv.URL)
//	b.Do("opening the editor", chromedp.Navigate(b.Base+"/__glot/edit/"))
//	b.Wait("the page is outlined", `!!document.querySelector("[data-glot-edit]")`)
package browser

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/glot-i18n/glot/internal/glottest"
)

// Browser is a headless Chromium window, for one test.
type Browser struct {
	T     *testing.T
	Ctx   context.Context
	Base  string // the address of the server under test
	shots string
}

// New starts Chromium for test t, against the server at base, in a
// window of 1280 × 900. It is closed when the test ends; a server the
// browser's pages hold streams open to is to be closed after it (started
// before New).
func New(t *testing.T, base string) *Browser { return Sized(t, base, 1280, 900) }

// Sized is New with a window of width × height.
func Sized(t *testing.T, base string, width, height int) *Browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(glottest.Chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancel)
	shots := os.Getenv("GLOT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return &Browser{T: t, Ctx: ctx, Base: base, shots: shots}
}

// Do runs actions, failing the test with what they were for.
func (b *Browser) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.T.Helper()
	if err := chromedp.Do(b.Ctx, actions...); err != nil {
		b.T.Fatalf("%s: %v", what, err)
	}
}

// Wait waits, up to 10 s, until the JavaScript expression js is true;
// on failure it shows the text of the element whose id is "editor", if
// any, which says what the page shows instead.
func (b *Browser) Wait(what, js string) {
	b.T.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		b.T.Fatalf("waiting until %s (%s): %v\n%s", what, js, err, b.Text(`(document.getElementById('editor') || document.body).innerText`))
	}
}

// Text evaluates js to a string.
func (b *Browser) Text(js string) string {
	b.T.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.T.Fatalf("%s: %v", js, err)
	}
	return v
}

// Point evaluates js to a point in the window.
func (b *Browser) Point(js string) (float64, float64) {
	b.T.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]float64](js))
	if err != nil || len(v) != 2 {
		b.T.Fatalf("%s: %v %v", js, v, err)
	}
	return v[0], v[1]
}

// Keys types keys, with modifiers held.
func (b *Browser) Keys(keys string, mods ...chromedp.Modifier) {
	b.T.Helper()
	b.Do("typing "+keys, chromedp.KeyEvent(keys, chromedp.KeyModifiers(mods...)))
}

// Click clicks the element selector finds, called what.
func (b *Browser) Click(what, selector string) {
	b.T.Helper()
	b.Do("clicking "+what, chromedp.Click(chromedp.CSS(selector)))
}

// Shot saves the window as PNG file name in $GLOT_SCREENSHOTS, or the
// test's temporary folder.
func (b *Browser) Shot(name string) {
	b.T.Helper()
	// The window as it is: a capture beyond it shifts a right-to-left
	// page.
	shot, err := chromedp.Call(b.Ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
	if err != nil {
		b.T.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), shot.Data, 0o644); err != nil {
		b.T.Fatal(err)
	}
	b.T.Logf("screenshot %s", filepath.Join(b.shots, name))
}

// Controls checks that every control of the page (button, textbox,
// listbox, combobox, option) has a name in Chromium's accessibility
// tree, and that there are at least as many of each role as least says.
func (b *Browser) Controls(least map[string]int) {
	t := b.T
	t.Helper()
	tree, err := chromedp.Call(b.Ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	str := func(v *accessibility.Value) string {
		var s string
		if v != nil {
			_ = json.Unmarshal(v.Value, &s)
		}
		return s
	}
	count := map[string]int{}
	for _, n := range tree.Nodes {
		role := str(n.Role)
		if n.Ignored || !slices.Contains([]string{"button", "textbox", "listbox", "combobox", "option"}, role) {
			continue
		}
		count[role]++
		if strings.TrimSpace(str(n.Name)) == "" {
			t.Errorf("a %s without a name (DOM node %d)", role, n.BackendDOMNodeID)
		}
	}
	for role, n := range least {
		if count[role] < n {
			t.Errorf("%d of role %s in the accessibility tree, want at least %d: %v", count[role], role, n, count)
		}
	}
}
