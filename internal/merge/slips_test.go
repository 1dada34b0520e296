package merge_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/merge"
)

// lineOf returns the line, in text, of key (a form, or "hash") of table
// [id], or of the table's header when key is "": 0 when there is none.
func lineOf(text, id, key string) int {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "["+id+"]" {
			continue
		}
		if key == "" {
			return i + 1
		}
		for j := i + 1; j < len(lines) && !strings.HasPrefix(lines[j], "["); j++ {
			if strings.HasPrefix(lines[j], key+" = ") {
				return j + 1
			}
		}
	}
	return 0
}

// edit replaces old by new in the translate file of lang, once.
func (s *site) editTranslate(lang, old, new string) {
	s.t.Helper()
	file := "translate." + lang + ".toml"
	text := s.file(file)
	if !strings.Contains(text, old) {
		s.t.Fatalf("%s does not contain %q:\n%s", file, old, text)
	}
	s.locales[file].Data = []byte(strings.Replace(text, old, new, 1))
}

// idStarting is the id of the message whose source starts with prefix.
func idStarting(t *testing.T, s *site, prefix string) string {
	t.Helper()
	src := s.load().Source
	for _, id := range src.IDs() {
		if strings.HasPrefix(src.Messages[id].Other, prefix) {
			return id
		}
	}
	t.Fatalf("no message starts with %q", prefix)
	return ""
}

// A mistyped id in the translate file is no message that left the site:
// the translation is refused, stays in the translate file as written, and
// the id it most likely stands for is named.
func TestUnknownIDIsRefusedWithTheClosestID(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA, "b.md": pageB})
	s.extract()
	s.merge("es", merge.Options{})
	id := idStarting(t, s, "Page B has")
	typo := id[:len(id)-1] + "x" + id[len(id)-1:]
	s.editTranslate("es", "["+id+"]\nhash = \"sha1-", "["+typo+"]\nhash = \"sha1-")
	s.editTranslate("es", "["+typo+"]\nhash = \""+catalog.Hash(s.load().Source.Messages[id])+"\"\nother = \"\"", "["+typo+"]\nhash = \""+catalog.Hash(s.load().Source.Messages[id])+"\"\nother = \"La página B tiene un párrafo.\"")
	for round := 1; round <= 2; round++ {
		res := s.merge("es", merge.Options{})
		tr := s.file("translate.es.toml")
		if len(res.Refused) != 1 || res.Refused[0].ID != typo ||
			!strings.Contains(res.Refused[0].Text, "no message of the site has this id (did you mean ["+id+"]?)") {
			t.Fatalf("round %d: refused %+v, notes %+v", round, res.Refused, res.Notes)
		}
		for _, n := range res.Notes {
			if strings.Contains(n.Text, "no page uses this message") {
				t.Errorf("round %d: a mistyped id is said to be a message no page uses: %v", round, n)
			}
		}
		if want := lineOf(tr, typo, ""); want == 0 || res.Refused[0].Line != want || res.Refused[0].File != "locales/translate.es.toml" {
			t.Errorf("round %d: refused at %s, want line %d of the translate file as written:\n%s", round, res.Refused[0].Where(), want, tr)
		}
		if !strings.Contains(tr, "["+typo+"]\nhash = \"sha1-") || !strings.Contains(tr, `other = "La página B tiene un párrafo."`) {
			t.Errorf("round %d: the translation left the translate file:\n%s", round, tr)
		}
		if strings.Contains(s.file(".glot/archive.es.toml"), "La página B") || strings.Contains(s.file("active.es.toml"), "La página B") {
			t.Errorf("round %d: the translation of an unknown id was archived or taken", round)
		}
	}
	// With the id corrected, it is taken.
	s.editTranslate("es", "["+typo+"]", "["+id+"]")
	s.editTranslate("es", "["+id+"]\nhash = \""+catalog.Hash(s.load().Source.Messages[id])+"\"\nother = \"\"\n", "")
	if res := s.merge("es", merge.Options{}); len(res.Refused) != 0 || !strings.Contains(s.file("active.es.toml"), "La página B") {
		t.Errorf("corrected id: refused %+v\n%s", res.Refused, s.file("active.es.toml"))
	}
}

// A hash the translator edited by mistake names no version of the source:
// the entry is judged against the current source, with a warning at the
// hash line, rather than archived as stale.
func TestEditedHashIsASlipNotStale(t *testing.T) {
	for _, tt := range []struct {
		name, hash string
		ui         bool // an interface message, whose text can change under its id
		slip       bool
	}{
		{"a hash glot never writes", "sha1-e63cf09098742", false, true},
		{"another well-formed hash, on a page", "sha1-" + strings.Repeat("a", 40), false, true},
		{"a hash glot never writes, interface text", "sha1-xyz", true, true},
		// An interface message's earlier versions are not all recorded:
		// a well-formed hash may be one, and the entry stays stale.
		{"another well-formed hash, interface text", "sha1-" + strings.Repeat("a", 40), true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, map[string]string{"a.md": pageA})
			s.ui = []*catalog.Message{{ID: "ui-skip", Other: "Skip to content"}}
			s.extract()
			s.merge("es", merge.Options{})
			id, text := idStarting(t, s, "The third paragraph"), "ES El tercer párrafo."
			if tt.ui {
				id, text = "ui-skip", "Ir al contenido"
			}
			h := catalog.Hash(s.load().Source.Messages[id])
			before := s.file("translate.es.toml")
			s.editTranslate("es", "["+id+"]\nhash = \""+h+"\"\nother = \"\"", "["+id+"]\nhash = \""+tt.hash+"\"\nother = \""+text+"\"")
			res := s.merge("es", merge.Options{})
			// Pointed at where the translation is now: in force, with
			// the hash merge wrote.
			hashLine := lineOf(s.file("active.es.toml"), id, "hash")
			taken := strings.Contains(s.file("active.es.toml"), text)
			if taken != tt.slip {
				t.Fatalf("taken %v, want %v: %s", taken, tt.slip, summary(res))
			}
			if !tt.slip {
				if res.Stale != 1 {
					t.Errorf("not kept as stale: %s", summary(res))
				}
				return
			}
			var warned bool
			for _, n := range res.Notes {
				if n.ID == id && strings.Contains(n.Text, "hash is that of no version of its source") {
					warned = n.File == "locales/active.es.toml" && n.Line == hashLine
				}
				if strings.Contains(n.Text, "stale") {
					t.Errorf("a slip was taken for a stale translation: %v", n)
				}
			}
			if !warned || res.Stale != 0 || hashLine == 0 {
				t.Errorf("want a warning at active.es.toml:%d: %s\n%s", hashLine, summary(res), before)
			}
		})
	}
}

// A message with one text has no plural forms: a `one =` on it is refused
// at its line, and the whole translation stays with the translator.
func TestOneFormOnSingularMessageRefused(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	s.merge("es", merge.Options{})
	id := idStarting(t, s, "The third paragraph")
	h := catalog.Hash(s.load().Source.Messages[id])
	s.editTranslate("es", "["+id+"]\nhash = \""+h+"\"\nother = \"\"", "["+id+"]\nhash = \""+h+"\"\none = \"Un tercer párrafo.\"\nother = \"El tercer párrafo.\"")
	res := s.merge("es", merge.Options{})
	tr := s.file("translate.es.toml")
	if len(res.Refused) != 1 || res.Refused[0].ID != id || !strings.Contains(res.Refused[0].Text, "no plural forms") {
		t.Fatalf("refused: %+v", res.Refused)
	}
	if want := lineOf(tr, id, "one"); want == 0 || res.Refused[0].Line != want {
		t.Errorf("refused at %s, want the line of one, %d:\n%s", res.Refused[0].Where(), want, tr)
	}
	if !strings.Contains(tr, `one = "Un tercer párrafo."`) || !strings.Contains(tr, `other = "El tercer párrafo."`) {
		t.Errorf("the translation left the translate file:\n%s", tr)
	}
	if strings.Contains(s.file("active.es.toml"), "tercer") {
		t.Error("a translation with a form its message lacks is in force")
	}
}

// A refusal points at the form that is wrong, in the translate file as
// merge rewrote it: not at the [id] line, nor at a line of the file it read.
func TestRefusalsPointAtTheFormInTheFileAsWritten(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.ui = []*catalog.Message{{ID: "ui-reading-time", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}}
	s.extract()
	s.merge("es", merge.Options{})
	// The translator fills the page's first entries, which leave the file
	// and move every later entry up, and breaks two others.
	s.translate("es", func(src string) string {
		switch {
		case strings.Contains(src, "<2>"):
			return "ES sin el enlace <1>ketamina</1>" // <2>…</2> dropped
		case strings.Contains(src, "{{.Count}}"):
			return ""
		}
		return spanish(src)
	})
	s.editTranslate("es", "[ui-reading-time]\nhash", "[ui-reading-time]\none = \"Lectura: {{.Count}} minuto\"\nhash")
	res := s.merge("es", merge.Options{})
	tr := s.file("translate.es.toml")
	want := map[string]int{
		idStarting(t, s, "The first paragraph"): lineOf(tr, idStarting(t, s, "The first paragraph"), "other"),
		// Spanish has many as well: the form missing is written, empty,
		// and pointed at.
		"ui-reading-time": lineOf(tr, "ui-reading-time", "many"),
	}
	if len(res.Refused) != 2 {
		t.Fatalf("refused: %+v\n%s", res.Refused, tr)
	}
	for _, p := range res.Refused {
		if w := want[p.ID]; w == 0 || p.Line != w || p.File != "locales/translate.es.toml" {
			t.Errorf("%s: refused at %s, want line %d:\n%s", p.ID, p.Where(), w, tr)
		}
	}
	if !regexp.MustCompile(`\[ui-reading-time\]\nhash = "sha1-[0-9a-f]+"\none = "Lectura: \{\{\.Count\}\} minuto"\nmany = ""\nother = ""\n`).MatchString(tr) {
		t.Errorf("the refused plural translation is not written with the forms to fill:\n%s", tr)
	}
}

// The id suggested for an unknown one is that of the message whose source
// has the entry's hash, however far its id; without that, the nearest id,
// if near enough.
func TestUnknownIDSuggestion(t *testing.T) {
	for _, tt := range []struct {
		name     string
		id, hash func(real, hash string) string
		suggest  bool
	}{
		{"renamed, with its hash", func(string, string) string { return "page-b" }, func(_, h string) string { return h }, true},
		{"mistyped, hash edited too", func(r, _ string) string { return r[:5] + r[6:] }, func(string, string) string { return "sha1-0" }, true},
		{"unlike any, hash edited too", func(string, string) string { return "something-else-entirely" }, func(string, string) string { return "sha1-0" }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, map[string]string{"a.md": pageA, "b.md": pageB})
			s.extract()
			s.merge("es", merge.Options{})
			real := idStarting(t, s, "Page B has")
			h := catalog.Hash(s.load().Source.Messages[real])
			s.editTranslate("es", "["+real+"]\nhash = \""+h+"\"\nother = \"\"", "["+tt.id(real, h)+"]\nhash = \""+tt.hash(real, h)+"\"\nother = \"La página B.\"")
			res := s.merge("es", merge.Options{})
			if len(res.Refused) != 1 || !strings.Contains(res.Refused[0].Text, "no message of the site has this id") {
				t.Fatalf("refused: %+v", res.Refused)
			}
			if got := strings.Contains(res.Refused[0].Text, "(did you mean ["+real+"]?)"); got != tt.suggest {
				t.Errorf("%s: suggests %v, want %v", res.Refused[0].Text, got, tt.suggest)
			}
			if !tt.suggest && strings.Contains(res.Refused[0].Text, "did you mean") {
				t.Errorf("a far id suggested: %s", res.Refused[0].Text)
			}
		})
	}
}
