package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/glottest"
)

// sampleSite copies the repository's own site into a new folder.
func sampleSite(t *testing.T) string { return glottest.SampleSite(t) }

// outputs returns the files of a site's output folders, by path, with
// their bytes.
func outputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, out := range []string{"public", "localized"} {
		_ = filepath.WalkDir(filepath.Join(dir, out), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = data
			return nil
		})
	}
	return files
}

// age sets the time of every output to long ago, so that a file written
// again shows it, however coarse the file system's clock.
var longAgo = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

func age(t *testing.T, dir string) {
	t.Helper()
	for name := range outputs(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, name), longAgo, longAgo); err != nil {
			t.Fatal(err)
		}
	}
}

// rewritten lists the outputs written since age.
func rewritten(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for name := range outputs(t, dir) {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(longAgo) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// A build with nothing changed writes no file. Nor does one after a page
// was touched but not changed, which must look at everything to know it.
// After one page is edited, only that page's outputs are written again.
func TestBuildRewritesOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	run(t, dir, 0, "build")
	before := outputs(t, dir)
	if len(before) < 30 {
		t.Fatalf("the sample site built only %d files", len(before))
	}
	age(t, dir)

	out := run(t, dir, 0, "build")
	if got := rewritten(t, dir); len(got) != 0 {
		t.Errorf("a build with nothing changed wrote %v", got)
	}
	if !bytes.Contains(out, []byte("nothing changed")) {
		t.Errorf("a build with nothing changed says %q", out)
	}

	// Touched, not changed: the build looks, and writes nothing.
	page := filepath.Join(dir, "content", "depression-and-trauma.md")
	now := time.Now().Add(-time.Minute)
	if err := os.Chtimes(page, now, now); err != nil {
		t.Fatal(err)
	}
	run(t, dir, 0, "build")
	if got := rewritten(t, dir); len(got) != 0 {
		t.Errorf("a build after a page was touched wrote %v", got)
	}
	if !maps.EqualFunc(before, outputs(t, dir), bytes.Equal) {
		t.Error("the outputs changed")
	}

	// One page edited: its versions in every language, and nothing else.
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("\n\n"), []byte("\n\nA new paragraph, in English only.\n\n"), 1)
	if bytes.Equal(edited, data) {
		t.Fatal("no paragraph break to edit at")
	}
	if err := os.WriteFile(page, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	backdate(t, page)
	run(t, dir, 0, "build")
	got := rewritten(t, dir)
	var want []string
	for _, lang := range []string{"en", "es", "fr", "ar", "de"} {
		want = append(want, "localized/"+lang+"/depression-and-trauma.md", "public/"+lang+"/depression-and-trauma/index.html")
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after one page was edited, the build wrote\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !bytes.Contains(outputs(t, dir)["public/es/depression-and-trauma/index.html"], []byte("A new paragraph, in English only.")) {
		t.Error("the edited page's new paragraph is not on its Spanish version")
	}
}

// A page edited a moment before a build, so recently that its time cannot
// be trusted to change with its bytes: the build reads it again, and so
// does the build after, which finds that nothing changed. A change that
// keeps the page's size and time is still seen.
func TestBuildAfterAFreshEdit(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	run(t, dir, 0, "build")
	page := filepath.Join(dir, "content", "depression-and-trauma.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// A time ahead of the clock stays too recent to trust for the
	// whole test, however slowly it runs.
	soon := time.Now().Add(time.Hour)
	write := func(text string) {
		t.Helper()
		edited := bytes.Replace(data, []byte("\n\n"), []byte("\n\n"+text+"\n\n"), 1)
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(page, soon, soon); err != nil {
			t.Fatal(err)
		}
	}
	spanish := func() []byte { return outputs(t, dir)["public/es/depression-and-trauma/index.html"] }

	write("A first new paragraph.")
	run(t, dir, 0, "build")
	if !bytes.Contains(spanish(), []byte("A first new paragraph.")) {
		t.Fatal("the edit is not on the Spanish page")
	}
	age(t, dir)
	if out := run(t, dir, 0, "build"); !bytes.Contains(out, []byte("nothing changed")) {
		t.Errorf("the build after the edit's says %q, want nothing changed", out)
	}
	if got := rewritten(t, dir); len(got) != 0 {
		t.Errorf("the build after the edit's wrote %v", got)
	}

	write("A other new paragraph.") // as long as the first, and the same time
	run(t, dir, 0, "build")
	if !bytes.Contains(spanish(), []byte("A other new paragraph.")) {
		t.Error("a change that kept the page's size and time was missed")
	}
}

// The cache keeps the segments of each page as it is, not as it was: edits
// and deletions do not make it grow.
func TestBuildForgetsSegmentsOfOldPages(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	segments := func() int {
		t.Helper()
		n := 0
		err := filepath.WalkDir(filepath.Join(dir, ".glot-cache", "build", "segments"), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	pages, err := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if err != nil || len(pages) < 2 {
		t.Fatalf("the sample site has %d pages, %v", len(pages), err)
	}
	run(t, dir, 0, "build")
	before := segments()
	if before < len(pages) {
		t.Fatalf("the cache holds the segments of %d pages, the site has %d", before, len(pages))
	}
	for i := range 2 {
		f, err := os.OpenFile(pages[0], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\nEdit number %d.\n", i)
		f.Close()
		backdate(t, pages[0])
		run(t, dir, 0, "build")
		if got := segments(); got != before {
			t.Errorf("after edit %d, the cache holds %d pages' segments, want %d", i+1, got, before)
		}
	}
	if err := os.Remove(pages[1]); err != nil {
		t.Fatal(err)
	}
	run(t, dir, 0, "build")
	if got := segments(); got != before-1 {
		t.Errorf("after a page was deleted, the cache holds %d pages' segments, want %d", got, before-1)
	}
}

// backdate sets a file's time a few seconds back, past the moment in which
// a change may keep a file's time (see cache.Hash), so that the test need
// not wait it out.
func backdate(t *testing.T, name string) {
	t.Helper()
	then := time.Now().Add(-10 * time.Second)
	if err := os.Chtimes(name, then, then); err != nil {
		t.Fatal(err)
	}
}

// A page renamed: the next build writes it under its new name in every
// language and format, and removes every output of its old name.
func TestBuildRemovesOutputsOfRenamedPage(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	run(t, dir, 0, "build")
	old := filepath.Join(dir, "content", "depression-and-trauma.md")
	renamed := filepath.Join(dir, "content", "trauma.md")
	if err := os.Rename(old, renamed); err != nil {
		t.Fatal(err)
	}
	backdate(t, renamed)
	run(t, dir, 0, "build")
	files := outputs(t, dir)
	for name := range files {
		if strings.Contains(name, "depression-and-trauma") {
			t.Errorf("%s is left from the page's old name", name)
		}
	}
	for _, lang := range []string{"en", "es", "fr", "ar", "de"} {
		for _, name := range []string{"public/" + lang + "/trauma/index.html", "localized/" + lang + "/trauma.md"} {
			if files[name] == nil {
				t.Errorf("%s was not written", name)
			}
		}
	}
	if sitemap := string(files["public/sitemap.xml"]); strings.Contains(sitemap, "depression-and-trauma") || !strings.Contains(sitemap, "/es/trauma/") {
		t.Errorf("the sitemap does not follow the rename:\n%s", sitemap)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("depression-and-trauma/")) {
			t.Errorf("%s links to the page's old name", name)
		}
	}
}

// Deleting the output folder, or a language's folder in it, makes the next
// build write them again, though nothing it reads changed.
func TestBuildRestoresDeletedOutputs(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	run(t, dir, 0, "build")
	want := outputs(t, dir)
	for _, gone := range []string{"public/es", "localized", "public"} {
		if err := os.RemoveAll(filepath.Join(dir, gone)); err != nil {
			t.Fatal(err)
		}
		run(t, dir, 0, "build")
		if got := outputs(t, dir); !maps.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("after %s/ was deleted, the build wrote %d files of %d", gone, len(got), len(want))
		}
	}
}

// Shards build the site between them: every file of the whole build is
// written by exactly one shard, with the same bytes, and no shard writes
// anything else.
func TestShardsAddUpToTheWholeBuild(t *testing.T) {
	t.Parallel()
	// The sample site, with more pages linking to each other and an
	// asset, so that every shard has a share.
	more := func(dir string) string {
		for i := range 12 {
			write(t, filepath.Join(dir, "content", "more", fmt.Sprintf("p%d.md", i)),
				fmt.Sprintf("# Page %d\n\nSee [the next page](p%d.md), [home](../index.md) and ![a figure](../figure.svg).\n", i, (i+1)%12))
		}
		write(t, filepath.Join(dir, "content", "figure.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`)
		run(t, dir, 0, "extract")
		return dir
	}
	whole := more(sampleSite(t))
	run(t, whole, 0, "build")
	want := outputs(t, whole)
	const n = 3
	got := map[string][]byte{}
	for i := 1; i <= n; i++ {
		dir := more(sampleSite(t))
		out := run(t, dir, 0, "build", "--shard", string(rune('0'+i))+"/3")
		if !bytes.Contains(out, []byte("shard")) {
			t.Errorf("shard %d/%d says %q", i, n, out)
		}
		files := outputs(t, dir)
		if len(files) == 0 || len(files) == len(want) {
			t.Errorf("shard %d/%d wrote %d files of %d: not a share", i, n, len(files), len(want))
		}
		for name, data := range files {
			if _, dup := got[name]; dup {
				t.Errorf("%s is written by two shards", name)
			}
			got[name] = data
		}
	}
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s is written by no shard", name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s differs between the shards' build and the whole build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is written by a shard, not by the whole build", name)
		}
	}
	if bad := run(t, whole, 2, "build", "--shard", "4/3"); bad != nil && len(bad) > 0 {
		t.Errorf("--shard 4/3 printed %q", bad)
	}
}

// glot check keeps its findings for each language's compiled table, and
// works them out again when the table or the glossary changes.
func TestCheckFindingsFollowTheirInputs(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	first := run(t, dir, 0, "check")
	if again := run(t, dir, 0, "check"); !bytes.Equal(again, first) {
		t.Errorf("the second check says\n%s\nthe first\n%s", again, first)
	}
	// A glossary term Spanish does not render as it asks.
	glossary := filepath.Join(dir, "glossary.toml")
	data, err := os.ReadFile(glossary)
	if err != nil {
		t.Fatal(err)
	}
	write(t, glossary, string(data)+"\n[[term]]\nsource = \"depression\"\nes = \"melancolía\"\n")
	backdate(t, glossary)
	if out := run(t, dir, 1, "check", "--lang", "es"); !bytes.Contains(out, []byte(`"depression" must be rendered "melancolía"`)) {
		t.Errorf("after the glossary changed, check says\n%s", out)
	}
	write(t, glossary, string(data))
	backdate(t, glossary)
	run(t, dir, 0, "check")
	// A Spanish translation with a number changed.
	active := filepath.Join(dir, "locales", "active.es.toml")
	cat, err := os.ReadFile(active)
	if err != nil {
		t.Fatal(err)
	}
	// The translation, not the source written as a comment above it.
	changed := bytes.Replace(cat, []byte("vol. 12, 2016, págs."), []byte("vol. 12, 2061, págs."), 1)
	if bytes.Equal(changed, cat) {
		t.Fatal("no citation to change in the Spanish catalog")
	}
	write(t, active, string(changed))
	backdate(t, active)
	if out := run(t, dir, 1, "check", "--lang", "es"); !bytes.Contains(out, []byte("numbers")) {
		t.Errorf("after a number changed in a translation, check says\n%s", out)
	}
}
