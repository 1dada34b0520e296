package report_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/glottest/browser"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/report"
)

// TestReviewColumnsBrowser opens the sample site's review in headless
// Chromium, in Spanish and in Arabic (right to left), and measures the
// review table's columns: the source and the translation share most of
// the width, equally, and the labels take a narrow column.
func TestReviewColumnsBrowser(t *testing.T) {
	t.Parallel()
	glottest.Slow(t, "it starts Chromium")
	s, err := locale.Load(os.DirFS("../../locales"), "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	_, ts := compiled(t, s, "es", "ar")
	pages := map[string][]byte{}
	for _, tb := range ts {
		files, err := report.NewReview(s, tb, check.New("en", nil), report.ReviewOptions{Content: "content", Index: "review." + tb.Lang + ".html", Layout: report.OneFile}).Files()
		if err != nil {
			t.Fatal(err)
		}
		pages["/"+files[0].Name] = files[0].Data
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}))
	defer srv.Close()

	ctx := browser.Sized(t, srv.URL, 1024, 900).Ctx

	for _, lang := range []string{"es", "ar"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/review."+lang+".html"), chromedp.WaitVisible(chromedp.CSS("table td.tr"))); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		cols, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[...document.querySelector("tbody tr").cells].map(c => c.getBoundingClientRect().width)`))
		if err != nil {
			t.Fatal(err)
		}
		table, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("table").getBoundingClientRect().width`))
		if err != nil {
			t.Fatal(err)
		}
		dir, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("td.tr")).direction`))
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) != 3 {
			t.Fatalf("%s: a row of %d cells", lang, len(cols))
		}
		t.Logf("%s: table %.0f px, labels %.0f, source %.0f, translation %.0f (%s)", lang, table, cols[0], cols[1], cols[2], dir)
		if cols[0] > table*0.15 {
			t.Errorf("%s: the labels take %.0f of %.0f px", lang, cols[0], table)
		}
		if cols[1]+cols[2] < table*0.8 || cols[1] < table*0.4 || cols[2] < table*0.4 {
			t.Errorf("%s: source %.0f px and translation %.0f px of %.0f: the text columns should share most of the width", lang, cols[1], cols[2], table)
		}
		if want := map[string]string{"es": "ltr", "ar": "rtl"}[lang]; dir != want {
			t.Errorf("%s: the translation is laid out %s, want %s", lang, dir, want)
		}
	}
}
