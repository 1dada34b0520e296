package report_test

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/verdict"
)

// countsSite has, in Spanish, a message on both of its pages, one a
// reviewer signed off, one held back (its number changed), one stale,
// one missing, and interface text on no page.
func countsSite(t *testing.T) *locale.Site {
	t.Helper()
	fsys := glottest.FS(t, "testdata/counts.txtar")

	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	// The sign-off is recorded as glot approve records it.
	l, err := s.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	p, n, err := merge.Approve(s, l, merge.Approval{IDs: []string{"signed-aaaa"}})
	if err != nil || n != 1 {
		t.Fatalf("approve: %d, %v", n, err)
	}
	for _, f := range p.Writes {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	if s, err = locale.Load(fsys, "locales", "en"); err != nil {
		t.Fatal(err)
	}
	return s
}

// The review counts what glot status counts, in its words: each message
// once, however many pages show it, the interface text included, a
// translation held back as stale.
func TestReviewCountsAreStatus(t *testing.T) {
	t.Parallel()
	s := countsSite(t)
	src, ts := compiled(t, s, "es")
	for id, want := range map[string]verdict.State{"dose-aaaa": verdict.Held, "edited-bbbb": verdict.Stale, "new-cccc": verdict.Missing, "signed-aaaa": verdict.Translated} {
		if e := ts[0].Entry(id); e.State != want {
			t.Fatalf("the site is not what the test needs: %s is %v, want %v", id, e.State, want)
		}
	}
	st := report.Status(src, ts).Languages[0]
	if st.Reviewed != 1 || st.Stale != 2 || st.Missing != 1 {
		t.Fatalf("status: %+v", st)
	}
	want := fmt.Sprintf("%d messages: %d translated (%d reviewed), %d stale, %d missing", st.Messages, st.Translated, st.Reviewed, st.Stale, st.Missing)
	for _, layout := range []report.Layout{report.OneFile, report.Split} {
		files, err := report.NewReview(s, ts[0], check.New("en", nil), report.ReviewOptions{Content: "content", Index: "review.es.html", Layout: layout}).Files()
		if err != nil {
			t.Fatal(err)
		}
		index := string(files[0].Data)
		totals := regexp.MustCompile(`<p class="totals">([^;]*);`).FindStringSubmatch(index)
		if totals == nil || totals[1] != want {
			t.Errorf("layout %d: the review's totals %q, glot status's %q", layout, totals, want)
		}
		// The pages' own counts: b.md shows shared-aaaa twice, and
		// counts it once.
		if b := "<h2>content/b.md <small>3 messages: 2 translated (1 reviewed), 0 stale, 1 missing</small></h2>"; layout == report.OneFile && !strings.Contains(index, b) {
			t.Errorf("b.md's counts: want %s in\n%s", b, index)
		}
	}
}

// A split review is an index at its name and a file per page in the
// folder named after its stem, every link between them leading to one of
// them.
func TestReviewSplit(t *testing.T) {
	t.Parallel()
	s := countsSite(t)
	_, ts := compiled(t, s, "es")
	r := report.NewReview(s, ts[0], check.New("en", nil), report.ReviewOptions{Content: "content", Index: "review.es.html", Layout: report.Split})
	files, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	// glot serve asks for the files one at a time, and gets the same.
	for _, f := range files {
		data, ok, err := r.File(f.Name)
		if err != nil || !ok || !bytes.Equal(data, f.Data) {
			t.Errorf("File(%s): %v %v, differs from Files: %v", f.Name, ok, err, !bytes.Equal(data, f.Data))
		}
	}
	if _, ok, _ := r.File("review.es/gone.md.html"); ok {
		t.Error("File of no page")
	}
	var names []string
	byName := map[string]string{}
	for _, f := range files {
		names = append(names, f.Name)
		byName[f.Name] = string(f.Data)
	}
	want := []string{"review.es.html", "review.es/a.md.html", "review.es/b.md.html", "review.es/interface-text.html"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	for name, links := range links(t, files) {
		if name == "review.es.html" && len(links) != 3 || name != "review.es.html" && len(links) < 2 {
			t.Errorf("%s links to %q", name, links)
		}
	}
	if a := byName["review.es/a.md.html"]; !strings.Contains(a, "Tome 3 comprimidos.") || strings.Contains(a, "Beba agua.") {
		t.Errorf("a.md's part holds a.md's messages alone:\n%s", a)
	}
}

// links returns the links of each file of a report, and fails t for a
// link to a file that is not one of them.
func links(t *testing.T, files []report.File) map[string][]string {
	t.Helper()
	byName := map[string]bool{}
	for _, f := range files {
		byName[f.Name] = true
	}
	hrefs := regexp.MustCompile(`href="([^"#]*)(#[^"]*)?"`)
	out := map[string][]string{}
	for _, f := range files {
		for _, l := range hrefs.FindAllStringSubmatch(string(f.Data), -1) {
			if l[1] == "" {
				continue // a place on the page itself
			}
			out[f.Name] = append(out[f.Name], l[1])
			u, err := url.PathUnescape(l[1])
			if err != nil {
				t.Fatal(err)
			}
			if to := path.Join(path.Dir(f.Name), u); !byName[to] {
				t.Errorf("%s links to %s (%s), which is not written", f.Name, l[1], to)
			}
		}
	}
	return out
}

// A split status report is an index of the languages and a file per
// language, each linked to the others it names.
func TestStatusSplit(t *testing.T) {
	t.Parallel()
	s := countsSite(t)
	src, ts := compiled(t, s, "es")
	files, err := report.Status(src, ts).HTML(s, ts, report.StatusHTMLOptions{Content: "content", Index: "status.html", Layout: report.Split})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if want := []string{"status.html", "status/es.html"}; !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	ls := links(t, files)
	if !slices.Equal(ls["status.html"], []string{"./status/es.html"}) || !slices.Equal(ls["status/es.html"], []string{"../status.html"}) {
		t.Errorf("links: %q", ls)
	}
	es := string(files[1].Data)
	for _, want := range []string{"<tr><td>content/b.md</td>", `<span class="kind missing">missing</span> content/b.md:5: A new sentence.`, `<span class="kind stale">stale</span> content/a.md:5: Take 2 tablets.`} {
		if !strings.Contains(es, want) {
			t.Errorf("status/es.html lacks %s:\n%s", want, es)
		}
	}
}

// A language's gaps are listed a thousand at a time, each file leading to
// the others.
func TestStatusGapsSplit(t *testing.T) {
	t.Parallel()
	var src, page strings.Builder
	n := 2*report.GapsPerFile + 5
	for i := range n {
		fmt.Fprintf(&src, "m%04d-aaaa = \"Message %d.\"\n", i, i)
		fmt.Fprintf(&page, "[[block]]\nid = \"m%04d-aaaa\"\nkind = \"p\"\nline = %d\n\n", i, i+1)
	}
	s, err := locale.Load(fstest.MapFS{"active.en.toml": {Data: []byte(src.String())}, ".glot/pages/a.md.toml": {Data: []byte(page.String())}}, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	vs, ts := compiled(t, s, "es")
	files, err := report.Status(vs, ts).HTML(s, ts, report.StatusHTMLOptions{Content: "content", Index: "status.html", Layout: report.Auto})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if want := []string{"status.html", "status/es.html", "status/es.2.html", "status/es.3.html"}; !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	links(t, files)
	for k, f := range files[1:] {
		gaps := strings.Count(string(f.Data), `<span class="kind missing">`)
		from := k*report.GapsPerFile + 1
		to := from + gaps - 1
		if want := min(report.GapsPerFile, n-k*report.GapsPerFile); gaps != want || !strings.Contains(string(f.Data), fmt.Sprintf("Gaps %d to %d of %d:", from, to, n)) {
			t.Errorf("%s: %d gaps, want %d, from %d", f.Name, gaps, want, from)
		}
	}
	if !strings.Contains(string(files[1].Data), "<tr><td>content/a.md</td>") || strings.Contains(string(files[2].Data), "<tr><td>content/a.md</td>") {
		t.Error("the pages' table is on the language's first file alone")
	}
}
