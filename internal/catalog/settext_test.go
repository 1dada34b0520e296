package catalog

import (
	"strings"
	"testing"
)

// SetText changes what a translator would type and nothing else: the
// value of the message's forms, its draft mark, a form it lacked, or a
// message added at the end.
func TestSetText(t *testing.T) {
	const file = `# Work for the translators of Deutsch (de)

# content/a.md:1 (p)
# en: One <1>dose</1>.
[one-dose]
hash = "sha1-1"
other = ""

# content/a.md:3 (p)
#, fuzzy
# changed: [-old-] {+new+}
[stale]
hash = "sha1-2"
other = "Alte \"Übersetzung\""

[plural]
hash = "sha1-3"
one = "eine Minute"
`
	tests := []struct {
		name  string
		id    string
		forms map[string]string
		want  string // the file after, written as replacements of the file before
		repl  []string
	}{
		{"missing message", "one-dose", map[string]string{"other": "Eine <1>Dosis</1>."},
			"", []string{`[one-dose]
hash = "sha1-1"
other = ""`, `[one-dose]
hash = "sha1-1"
other = "Eine <1>Dosis</1>."`}},
		{"stale draft: its mark goes", "stale", map[string]string{"other": `Neue "Übersetzung"`},
			"", []string{"#, fuzzy\n", "", `other = "Alte \"Übersetzung\""`, `other = "Neue \"Übersetzung\""`}},
		{"a form the message lacked", "plural", map[string]string{"one": "eine Minute", "other": "{{.Count}} Minuten"},
			"", []string{`one = "eine Minute"`, `one = "eine Minute"
other = "{{.Count}} Minuten"`}},
		{"a message the file lacks", "new", map[string]string{"other": "Neu"},
			"", []string{file, file + "\n[new]\nhash = \"sha1-9\"\nother = \"Neu\"\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetText("translate.de.toml", []byte(file), tt.id, tt.forms, "sha1-9")
			if err != nil {
				t.Fatal(err)
			}
			want := file
			for i := 0; i < len(tt.repl); i += 2 {
				if !strings.Contains(want, tt.repl[i]) {
					t.Fatalf("the fixture lacks %q", tt.repl[i])
				}
				want = strings.Replace(want, tt.repl[i], tt.repl[i+1], 1)
			}
			if string(got) != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			c, err := ParseKeyed("translate.de.toml", got)
			if err != nil {
				t.Fatal(err)
			}
			for name, text := range tt.forms {
				if FormText(c.Messages[tt.id], name) != text {
					t.Errorf("%s reads back as %q", name, FormText(c.Messages[tt.id], name))
				}
			}
			if _, marked := c.Fuzzy[tt.id]; marked {
				t.Error("the draft mark is still there")
			}
		})
	}
	if _, err := SetText("a.toml", []byte("x = \"y\"\n"), "x", map[string]string{"other": "z"}, ""); err == nil {
		t.Error("a message written as a string was edited")
	}
	if _, err := SetText("a.toml", []byte("[x]\nother = \"\n"), "x", map[string]string{"other": "z"}, ""); err == nil || !strings.Contains(err.Error(), "a.toml:") {
		t.Errorf("a file that does not parse: %v", err)
	}
	if _, err := SetText("a.toml", nil, "x", map[string]string{"many": "z"}, ""); err != nil {
		t.Errorf("many is a plural form: %v", err)
	}
	if _, err := SetText("a.toml", nil, "x", map[string]string{"lots": "z"}, ""); err == nil {
		t.Error("a form that does not exist was written")
	}
}
