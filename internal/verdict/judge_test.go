package verdict

import (
	"strconv"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/ledger"
)

// unescape reads the Go escapes of invisible characters in a test's text.
func unescape(s string) string {
	u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
	if err != nil {
		return s
	}
	return u
}

func TestJudge(t *testing.T) {
	t.Parallel()
	page := &catalog.Message{ID: "p", Other: "Read <1>the study</1> in <2/>."}
	ui := &catalog.Message{ID: "u", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}
	withHash := func(src *catalog.Message, m catalog.Message) *catalog.Message {
		m.Hash = catalog.Hash(src)
		return &m
	}
	dose := &catalog.Message{ID: "d", Other: "Take 0.5 mg/kg of ketamine every 6 hours."}
	gl, err := check.ParseGlossary("glossary.toml", []byte("[[term]]\nsource = \"ketamine\"\nrequired = true\nes = \"ketamina\"\n"), []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	rules := NewRules("en", gl)
	arabic := catalog.Message{Zero: "{{.Count}} دقيقة", One: "دقيقة واحدة", Two: "دقيقتان", Few: "{{.Count}} دقائق", Many: "{{.Count}} دقيقة", Other: "{{.Count}} دقيقة"}
	noFew := arabic
	noFew.Few = ""
	tests := []struct {
		name      string
		lang      string
		src, t    *catalog.Message
		state     State
		check, in string // for Held: the check and a word of the reason
	}{
		{"none", "es", page, nil, Missing, "", ""},
		{"empty", "es", page, &catalog.Message{Other: "  "}, Missing, "", ""},
		{"fits, no hash", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1> en <2/>."}, Translated, "", ""},
		{"fits, hash of the source", "es", page, withHash(page, catalog.Message{Other: "En <2/>, lea <1>el estudio</1>."}), Translated, "", ""},
		{"made for an earlier source", "es", page, &catalog.Message{Hash: "sha1-0", Other: "Lea <1>el estudio</1> en <2/>."}, Stale, "", ""},
		{"placeholder dropped", "es", page, &catalog.Message{Other: "Lea el estudio en <2/>."}, Held, "placeholders", "<1>"},
		{"placeholder added", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1> en <2/><3/>."}, Held, "placeholders", "<3/>"},
		{"template action in page text", "es", page, &catalog.Message{Other: `Lea <1>el estudio</1> en <2/> {{printf "%v" .}}.`}, Held, "template", "printf"},
		{"other form missing", "es", page, &catalog.Message{One: "Lea <1>el estudio</1> en <2/>."}, Held, "plural", "other"},
		{"plural, every form, fields of any source form", "ar", ui, withHash(ui, arabic), Translated, "", ""},
		{"plural form the language needs is missing", "ar", ui, withHash(ui, noFew), Held, "plural", "few"},
		{"plural, Spanish needs one, many and other", "es", ui, &catalog.Message{One: "{{.Count}} minuto", Many: "{{.Count}} de minutos", Other: "{{.Count}} minutos"}, Translated, "", ""},
		{"plural, Spanish without many", "es", ui, &catalog.Message{One: "{{.Count}} minuto", Other: "{{.Count}} minutos"}, Held, "plural", "many"},
		{"plural, other field", "es", ui, &catalog.Message{One: "{{.Count}} minuto", Other: "{{.Secret}} minutos"}, Held, "template", ".Secret"},
		{"plural, a loop", "es", ui, &catalog.Message{One: "{{.Count}} minuto", Other: "{{range 9}}x{{end}}"}, Held, "template", "range"},
		{"changed delimiters", "es", ui, &catalog.Message{LeftDelim: "[[", RightDelim: "]]", One: "[[.Count]] minuto", Other: "[[range 20000000]]R[[end]]"}, Held, "template", "delimiters"},

		// The blocking checks.
		{"a changed dose", "es", dose, &catalog.Message{Other: "Tome 5 mg/kg de ketamina cada 6 horas."}, Held, "numbers", "0.5"},
		{"a changed interval", "es", dose, &catalog.Message{Other: "Tome 0,5 mg/kg de ketamina cada 8 horas."}, Held, "numbers", `"6"`},
		{"the dose kept", "es", dose, &catalog.Message{Other: "Tome 0,5 mg/kg de ketamina cada 6 horas."}, Translated, "", ""},
		{"a required term not rendered", "es", dose, &catalog.Message{Other: "Tome 0,5 mg/kg del fármaco cada 6 horas."}, Held, "glossary", "ketamina"},
		{"a link added", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1> en <2/> o en www.evil.example."}, Held, "addresses", "www.evil.example"},
		{"a bidi override added", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1> en <2/>\u202e."}, Held, "characters", "U+202E"},
		{"a control character", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1> en <2/>\x1b[2J."}, Held, "control", "U+001B"},
		{"a carriage return, which normalizing would hide", "es", page, &catalog.Message{Other: "Lea <1>el estudio</1>\ren <2/>."}, Held, "control", "U+000D"},
		{"plural forms' numbers vary with the count", "es", ui, &catalog.Message{One: "1 minuto", Many: "{{.Count}} de minutos", Other: "{{.Count}} minutos"}, Translated, "", ""},
		{"a link in a plural form", "es", ui, &catalog.Message{One: "{{.Count}} minuto", Many: "{{.Count}} de minutos", Other: "{{.Count}} minutos en http://evil.example"}, Held, "addresses", "other: addresses"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.t
			if tr != nil {
				m := *tr
				m.Other = unescape(m.Other)
				tr = &m
			}
			v := rules.Judge(tt.lang, tt.src, tr)
			if v.State != tt.state {
				t.Fatalf("state %s (%v), want %s", v.State, v.Reason, tt.state)
			}
			if tt.state != Held {
				if v.Reason != nil {
					t.Errorf("a reason for a %s translation: %v", v.State, v.Reason)
				}
				return
			}
			if v.Reason == nil || v.Reason.Check != tt.check || !strings.Contains(v.Reason.Error(), tt.in) {
				t.Errorf("reason %+v, want %s mentioning %q", v.Reason, tt.check, tt.in)
			}
			// A reviewer may release what a blocking check holds back,
			// never a broken structure.
			blocking := map[string]bool{"numbers": true, "addresses": true, "glossary": true, "characters": true}
			if v.Reason.Approvable() != blocking[tt.check] || Takes(v) != blocking[tt.check] {
				t.Errorf("approvable %v, taken by merge %v, for a %s problem", v.Reason.Approvable(), Takes(v), tt.check)
			}
		})
	}
}

// An archived translation comes back in force only for the source it was
// made for: by its hash, or, when it has none, by the source text the
// archive keeps with it. One whose kept source is another text is not
// current, hash or no hash.
func TestRestorable(t *testing.T) {
	t.Parallel()
	src := &catalog.Message{ID: "ui-skip", Other: "Skip to the main content"}
	rules := NewRules("en", nil)
	for _, tt := range []struct {
		name string
		e    ledger.Entry
		want bool
	}{
		{"its source by hash", ledger.Entry{Message: catalog.Message{Hash: catalog.Hash(src), Other: "Saltar al contenido principal"}}, true},
		{"its source by text", ledger.Entry{Source: "Skip to the main content", Message: catalog.Message{Other: "Saltar al contenido principal"}}, true},
		{"another source by hash", ledger.Entry{Message: catalog.Message{Hash: "sha1-0", Other: "Saltar"}}, false},
		{"another source by text", ledger.Entry{Source: "Skip to content", Message: catalog.Message{Other: "Saltar al contenido"}}, false},
	} {
		if got := rules.Restorable("es", src, &tt.e); got != tt.want {
			t.Errorf("%s: Restorable = %v, want %v", tt.name, got, tt.want)
		}
	}
}
