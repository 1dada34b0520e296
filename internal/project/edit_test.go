package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/serve"
)

// editor opens the editor of German on a copy of the sample site.
func editor(t *testing.T) (string, *project.Site, *project.Editor) {
	t.Helper()
	dir := glottest.SampleSite(t)
	s := project.Open(dir, nil, project.Hooks{})
	t.Cleanup(s.Close)
	ed, err := s.Editor("de", "Dr. R")
	if err != nil {
		t.Fatal(err)
	}
	if err := ed.Build(); err != nil {
		t.Fatal(err)
	}
	return dir, s, ed
}

// segmentWith returns the first segment of the site in state whose
// source matches re.
func segmentWith(t *testing.T, ed *project.Editor, state string, re *regexp.Regexp) serve.EditSegment {
	t.Helper()
	pages, err := ed.Pages("de")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		segs, err := ed.Segments("de", p.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range segs {
			if s.State == state && re.MatchString(s.Source) {
				return s
			}
		}
	}
	t.Fatalf("no %s segment matches %s", state, re)
	return serve.EditSegment{}
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A save writes the files exactly as a translator who typed the same text
// into translate.de.toml and ran glot merge would have them.
func TestEditorSaveIsAMerge(t *testing.T) {
	dir, _, ed := editor(t)
	seg := segmentWith(t, ed, "missing", regexp.MustCompile(`<1>`))
	if seg.Version == "" || seg.Dir != "ltr" || seg.SourceLang != "en" || !strings.Contains(seg.Where, "content/") {
		t.Fatalf("segment: %+v", seg)
	}
	// The words in another order, the tags around their words.
	text := "Auf Deutsch: " + seg.Source
	after, err := ed.Save("de", seg.ID, map[string]string{"other": text}, seg.Version)
	if err != nil {
		t.Fatal(err)
	}
	if after.State != "translated" || after.Translation["other"] != text {
		t.Errorf("after the save: %+v", after)
	}

	// The same text typed by hand into another copy, then glot merge.
	by := glottest.SampleSite(t)
	tr := filepath.Join(by, "locales", "translate.de.toml")
	file := read(t, tr)
	entry := "[" + seg.ID + "]\n"
	at := strings.Index(file, entry)
	if at < 0 {
		t.Fatalf("%s is not in the translate file", seg.ID)
	}
	rest := file[at:]
	empty := strings.Index(rest, `other = ""`)
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text)
	file = file[:at] + rest[:empty] + `other = "` + quoted + `"` + rest[empty+len(`other = ""`):]
	if err := os.WriteFile(tr, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	s := project.Open(by, nil, project.Hooks{})
	defer s.Close()
	if _, err := s.Merge(project.MergeOptions{Langs: []string{"de"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"active.de.toml", "translate.de.toml", ".glot/archive.de.toml", ".glot/review.de.toml"} {
		a, _ := os.ReadFile(filepath.Join(dir, "locales", name))
		b, _ := os.ReadFile(filepath.Join(by, "locales", name))
		if string(a) != string(b) {
			t.Errorf("%s differs from glot merge's:\n%s", name, glottest.LineDiff(string(b), string(a)))
		}
	}
}

// A message changed in the files since the editor read it is not saved
// over; a translation without a tag of its source is refused; neither
// writes anything.
func TestEditorRefusesConflictsAndBrokenTags(t *testing.T) {
	dir, _, ed := editor(t)
	seg := segmentWith(t, ed, "missing", regexp.MustCompile(`<1>`))
	tr := filepath.Join(dir, "locales", "translate.de.toml")
	before := read(t, tr)

	broken := regexp.MustCompile(`</?1>`).ReplaceAllString(seg.Source, "")
	problems, err := ed.Check("de", seg.ID, map[string]string{"other": broken})
	if err != nil || len(problems) == 0 || problems[0].Severity != "error" {
		t.Errorf("check of a translation without its tag: %+v %v", problems, err)
	}
	_, err = ed.Save("de", seg.ID, map[string]string{"other": broken}, seg.Version)
	if !errors.Is(err, serve.ErrRefused) {
		t.Errorf("save without the tag: %v", err)
	}
	if read(t, tr) != before {
		t.Error("a refused save wrote the translate file")
	}

	// Someone types into the file meanwhile.
	at := strings.Index(before, "["+seg.ID+"]\n")
	edited := before[:at] + strings.Replace(before[at:], `other = ""`, `other = "von Hand"`, 1)
	if err := os.WriteFile(tr, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	now := read(t, tr)
	_, err = ed.Save("de", seg.ID, map[string]string{"other": "Auf Deutsch: " + seg.Source}, seg.Version)
	if !errors.Is(err, serve.ErrConflict) || !strings.Contains(err.Error(), seg.ID) {
		t.Errorf("save over a change made meanwhile: %v", err)
	}
	if read(t, tr) != now {
		t.Error("a conflicting save wrote the translate file")
	}
}

// A number that differs from the source is found as it is typed; a
// reviewer's approval is glot approve's, and glot status counts it.
func TestEditorChecksAndReviews(t *testing.T) {
	_, s, ed := editor(t)
	seg := segmentWith(t, ed, "missing", regexp.MustCompile(`\b\d{2,}\b`))
	number := regexp.MustCompile(`\b\d{2,}\b`).FindString(seg.Source)
	wrong := strings.Replace(seg.Source, number, number+"1", 1)
	problems, err := ed.Check("de", seg.ID, map[string]string{"other": wrong})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range problems {
		found = found || p.Severity == "error" && strings.Contains(p.Text, number)
	}
	if !found {
		t.Errorf("a changed number %s: %+v", number, problems)
	}

	done := segmentWith(t, ed, "translated", regexp.MustCompile(`.`))
	after, err := ed.Review("de", done.ID, true, "", done.Version)
	if err != nil || after.State != "reviewed" {
		t.Fatalf("approve: %+v %v", after, err)
	}
	st, _, err := s.Status([]string{"de"}, false, "", 0)
	if err != nil || st.Languages[0].Reviewed != 1 {
		t.Errorf("status after the approval: %+v %v", st, err)
	}
	if _, err := ed.Review("de", done.ID, false, "too free", done.Version); !errors.Is(err, serve.ErrConflict) {
		t.Errorf("a review of the version before the approval: %v", err)
	}
	after, err = ed.Review("de", done.ID, false, "too free", after.Version)
	if err != nil || after.State != "translated" || after.Rejected != "too free" {
		t.Errorf("reject: %+v %v", after, err)
	}
}

// The editor's pages are built into its own folder, marked, and each
// page it lists is there at its URL, with its messages marked.
func TestEditorPages(t *testing.T) {
	dir, _, ed := editor(t)
	pages, err := ed.Pages("de")
	if err != nil || len(pages) < 3 {
		t.Fatalf("pages: %+v %v", pages, err)
	}
	for _, p := range pages[:len(pages)-1] {
		file := filepath.Join(dir, filepath.FromSlash(project.EditDir), filepath.FromSlash(p.URL), "index.html")
		if strings.HasSuffix(p.URL, ".html") {
			file = filepath.Join(dir, filepath.FromSlash(project.EditDir), filepath.FromSlash(p.URL))
		}
		html := read(t, file)
		segs, err := ed.Segments("de", p.Path)
		if err != nil || len(segs) != p.Messages || p.Missing+p.Stale+p.Refused+p.Translated+p.Reviewed != p.Messages {
			t.Errorf("%s: %+v, %d segments %v", p.Path, p, len(segs), err)
		}
		marked := 0
		for _, s := range segs {
			if strings.Contains(html, `data-glot-id="`+s.ID+`"`) {
				marked++
			}
		}
		if marked < len(segs)/2 {
			t.Errorf("%s: %d of %d messages marked in %s", p.Path, marked, len(segs), file)
		}
	}
	// The layout's text, on no page, is there too: the translator can
	// reach every message.
	last := pages[len(pages)-1]
	if last.Path != report.InterfaceSection || last.Messages == 0 || last.URL != pages[0].URL {
		t.Errorf("the interface text: %+v", last)
	}
	segs, err := ed.Segments("de", last.Path)
	if err != nil || len(segs) != last.Messages || segs[0].Kind != "interface" || segs[0].Where != "" {
		t.Errorf("the interface text's messages: %+v %v", segs, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("the editor's build wrote the site's output folder")
	}
}

// A message with plural forms is edited form by form, Arabic's six of
// them; a save writes them all, and a form left empty is refused.
func TestEditorPlurals(t *testing.T) {
	dir := glottest.SampleSite(t)
	s := project.Open(dir, nil, project.Hooks{})
	defer s.Close()
	ed, err := s.Editor("ar", "")
	if err != nil {
		t.Fatal(err)
	}
	segs, err := ed.Segments("ar", report.InterfaceSection)
	if err != nil {
		t.Fatal(err)
	}
	var seg serve.EditSegment
	for _, sg := range segs {
		if sg.ID == "ui-reading-time" {
			seg = sg
		}
	}
	if strings.Join(seg.Forms, " ") != "zero one two few many other" || len(seg.Translation) != 6 || seg.Dir != "rtl" {
		t.Fatalf("the reading time in Arabic: %+v", seg)
	}
	forms := map[string]string{}
	for name, text := range seg.Translation {
		forms[name] = strings.Replace(text, "مدة القراءة", "وقت القراءة", 1)
	}
	empty := map[string]string{}
	for name, text := range forms {
		empty[name] = text
	}
	empty["few"] = ""
	if _, err := ed.Save("ar", seg.ID, empty, seg.Version); !errors.Is(err, serve.ErrRefused) {
		t.Errorf("a save with the few form empty: %v", err)
	}
	after, err := ed.Save("ar", seg.ID, forms, seg.Version)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range forms {
		if after.Translation[name] != text {
			t.Errorf("%s: %q after the save, want %q", name, after.Translation[name], text)
		}
	}
	if active := read(t, filepath.Join(dir, "locales", "active.ar.toml")); strings.Count(active, "وقت القراءة") != 6 {
		t.Errorf("active.ar.toml has %d forms saved", strings.Count(active, "وقت القراءة"))
	}
}
