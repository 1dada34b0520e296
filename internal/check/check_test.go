package check

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// found runs the checks and returns the ids of what they found.
func found(c *Checker, lang, src, tr string) string {
	var ids []string
	for _, p := range c.Translation(lang, src, tr) {
		ids = append(ids, p.Check+":"+string(p.Severity))
	}
	return strings.Join(ids, " ")
}

func TestChecks(t *testing.T) {
	t.Parallel()
	g, err := ParseGlossary("glossary.toml", []byte(`
keep = ["NMDA", "BDNF", "Efficacy of Ketamine in the Rapid Treatment of Major Depressive Disorder"]

[[term]]
source = "ketamine"
es = "ketamina"
fr = "kétamine"
de = "Ketamin"
ar = "الكيتامين"

[[term]]
pattern = "treatment[- ]resistant depression"
es = "depresión resistente al tratamiento"
`), []string{"es", "fr", "de", "ar", "ja", "fa"})
	if err != nil {
		t.Fatal(err)
	}
	c := New("en", g)
	tests := []struct {
		name, lang, src, tr, want string
	}{
		// Good translations: nothing found.
		{"good", "es", "Ketamine relieves depression in 2 hours.", "La ketamina alivia la depresión en 2 horas.", ""},
		{"numbers in the language's own form", "de", "A dose of 0.5 mg/kg over 40 minutes.", "Eine Dosis von 0,5 mg/kg über 40 Minuten mit Ketamin.", ""},
		{"numbers as written", "fr", "See doi:10.2147/NDT.S117146, 2016.", "Voir doi:10.2147/NDT.S117146, 2016.", ""},
		{"arabic-indic digits", "ar", "In 12 hours.", "خلال ١٢ ساعة.", ""},
		{"german compound", "de", "Ketamine infusion therapy works.", "Die Ketamin-Infusionstherapie wirkt.", ""},
		{"arabic prefix", "ar", "Treated with ketamine.", "عولج بالكيتامين.", ""},
		{"arabic prefix lil", "ar", "Use of ketamine.", "استعمال للكيتامين.", ""},
		{"kept term", "es", "It blocks NMDA receptors.", "Bloquea los receptores NMDA.", ""},
		{"kept title identical", "es", "Efficacy of Ketamine in the Rapid Treatment of Major Depressive Disorder", "Efficacy of Ketamine in the Rapid Treatment of Major Depressive Disorder", ""},
		{"pattern", "es", "Treatment-resistant depression responds.", "La depresión resistente al tratamiento responde.", ""},
		{"question mark in Arabic", "ar", "Who is a candidate?", "من هو المرشح؟", ""},
		{"japanese full stop", "ja", "It works.", "効きます。", ""},

		// Bad translations.
		{"wrong dose", "es", "A dose of 0.5 mg/kg with ketamine.", "Una dosis de 5 mg/kg con ketamina.", "numbers:error"},
		{"number dropped", "es", "Repair begins within 2 hours.", "La reparación empieza en horas.", "numbers:error"},
		{"same digit twice", "es", "Take 5 then 5.", "Tome 5 y luego otra.", "numbers:error"},
		{"url changed", "es", "See https://example.org/study now.", "Vea https://example.org/estudio ahora.", "addresses:error"},
		{"email changed", "es", "Write to info@clinic.example today.", "Escriba a informacion@clinic.example hoy.", "addresses:error"},
		{"phone changed", "es", "Call +1 555 010 0199 today.", "Llame al +1 555 010 0190 hoy.", "numbers:error addresses:error"},
		{"glossary rendering", "es", "Ketamine works.", "La cetamina funciona.", "glossary:error"},
		{"glossary kept term translated", "es", "BDNF is a protein.", "El FNDC es una proteína.", "glossary:error"},
		{"arabic rendering missing", "ar", "Treated with ketamine.", "عولج بالدواء.", "glossary:error"},
		{"ketamine twice, rendered once", "es", "Ketamine works; ketamine is safe.", "La ketamina funciona; es segura.", "glossary:error"},
		{"ketamine left in English once", "es", "Ketamine works; ketamine is safe.", "La ketamina funciona; la ketamine es segura.", "glossary:error"},
		{"ketamine twice, rendered twice", "es", "Ketamine works; ketamine is safe.", "La ketamina funciona; la ketamina es segura.", ""},
		{"arabic twice", "ar", "Ketamine and ketamine.", "الكيتامين وبالكيتامين.", ""},
		{"arabic once of twice", "ar", "Ketamine and ketamine.", "الكيتامين والدواء.", "glossary:error"},
		{"bare link added", "es", "Call us.", "Llámenos o vea http://evil.example/b.", "addresses:error"},
		{"www link added", "es", "Call us.", "Llámenos en www.evil.example hoy.", "addresses:error"},
		{"email added", "es", "Call us.", "Escriba a x@evil.example hoy.", "addresses:error"},
		{"markdown link written as text", "es", "Click here.", "[clic](http://evil.example/b)", "addresses:error punctuation:warning"},
		{"source link kept", "es", "See www.clinic.example today.", "Vea www.clinic.example hoy.", ""},
		{"right-to-left override", "es", "Take 2 pills.", "Tome \u202e2 pastillas.", "characters:error"},
		{"zero width space", "es", "Take 2 pills.", "Tome 2 pasti\u200bllas.", "characters:error"},
		{"escape character", "es", "Take 2 pills.", "Tome 2 \x1b[31mpastillas.", "characters:error"},
		{"joiner in Latin text", "es", "Take 2 pills.", "Tome 2 pas\u200dtillas.", "characters:error"},
		{"right-to-left mark in Spanish", "es", "Take 2 pills.", "Tome 2\u200f pastillas.", "characters:error"},
		{"right-to-left mark in Arabic", "ar", "Take 2 pills.", "تناول 2\u200f حبة.", ""},
		{"non-joiner in Persian", "fa", "I want it.", "می\u200cخواهم.", ""},
		{"joiner in an emoji", "es", "The team.", "El equipo 👩\u200d⚕️.", ""},
		{"override the source has", "es", "Text \u202e here.", "Texto \u202e aquí.", ""},
		{"whitespace", "es", "Hello.", " Hola.", "whitespace:warning"},
		{"final punctuation lost", "es", "It works.", "Funciona", "punctuation:warning"},
		{"final punctuation added", "es", "Results", "Resultados:", "punctuation:warning"},
		{"question lost", "es", "Who is a candidate?", "Quién es candidato.", "punctuation:warning"},
		{"identical", "es", "This sentence was not translated at all.", "This sentence was not translated at all.", "identical:warning"},
		{"too short", "es", "Patients with recurrent thoughts of suicide benefit most.", "Sí.", "length:warning"},
		{"too long", "es", "Ketamine works well.", "La ketamina funciona muy, muy bien en la gran mayoría de los casos estudiados hasta la fecha, según dicen.", "length:warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Invisible characters are written as Go escapes.
			src, _ := strconv.Unquote(`"` + tt.src + `"`)
			tr, _ := strconv.Unquote(`"` + tt.tr + `"`)
			if got := found(c, tt.lang, src, tr); got != tt.want {
				t.Errorf("found %q, want %q: %v", got, tt.want, c.Translation(tt.lang, src, tr))
			}
		})
	}
}

// Only numbers, addresses, characters and the required glossary terms
// keep a translation off the pages.
func TestBlocking(t *testing.T) {
	t.Parallel()
	g, err := ParseGlossary("glossary.toml", []byte(`
keep = ["NMDA"]

[[term]]
source = "ketamine"
required = true
es = ["ketamina", "ketaminas"]

[[term]]
source = "infusion"
es = "infusión"
`), []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	c := New("en", g)
	tests := []struct {
		name, src, tr string
		numbers       bool
		want          string
	}{
		{"good", "Ketamine, 0.5 mg/kg.", "Ketamina, 0,5 mg/kg.", true, ""},
		{"dose", "Ketamine, 0.5 mg/kg.", "Ketamina, 5 mg/kg.", true, "numbers"},
		{"hours", "Wait 6 hours.", "Espere 8 horas.", true, "numbers"},
		{"plural form's numbers vary", "Wait 6 hours.", "Espere 1 hora.", false, ""},
		{"required term", "Ketamine works.", "La droga funciona.", true, "glossary"},
		{"inflection counts", "Ketamine and ketamine.", "Ketaminas y ketamina.", true, ""},
		{"term not required", "The infusion works.", "La perfusión funciona.", true, ""},
		{"kept term is not blocking", "NMDA works.", "El receptor funciona.", true, ""},
		{"link", "Call us.", "Vea www.evil.example.", true, "addresses"},
		{"bidi", "Call us.", "Llame\u202e.", true, "characters"},
		{"warnings are not blocking", "It works.", " funciona", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, _ := strconv.Unquote(`"` + tt.tr + `"`)
			var ids []string
			for _, p := range c.Blocking("es", tt.src, tr, tt.numbers) {
				ids = append(ids, p.Check)
			}
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("blocking %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGlossaryErrors(t *testing.T) {
	t.Parallel()
	for data, want := range map[string]string{
		"[[term]]\nsource = \"x\"\nxx = \"y\"\n":   `g.toml:1: term 1: xx: unknown key "xx": not a language of the site`,
		"keep = [\"a\"]\n\n[[term]]\nes = \"y\"\n": "g.toml:3: term 1 has neither source nor pattern",
		"[[term]]\nsource = \"x\"\nes = 3\n":       "g.toml:1: term 1: es: must be a string or a list of strings",
		"[[term]]\npattern = \"(\"\n":              "g.toml:1: term 1: pattern: error parsing regexp",
		"[[term]]\nsource = \"x\"\nrequired = 1\n": "g.toml:1: term 1: required: must be true or false",
		"kep = [\"NMDA\"]\n":                       `g.toml: unknown key "kep"`,
		"keep = [\"NMDA\"\n":                       "g.toml:1:",
	} {
		_, err := ParseGlossary("g.toml", []byte(data), []string{"es"})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", data, err, want)
		}
	}
}

func TestDigitValue(t *testing.T) {
	t.Parallel()
	for r, want := range map[rune]rune{'7': 7, '٣': 3, '۹': 9, '०': 0, '𝟗': 9, '５': 5} {
		if got := digitValue(r); got != want {
			t.Errorf("digitValue(%q) = %d, want %d", r, got, want)
		}
	}
}

// mayHaveAddress only spares the regular expression text in which it
// finds nothing.
func FuzzMayHaveAddress(f *testing.F) {
	for _, s := range []string{"See https://example.org/a.", "Write to a@b.example.", "DOI: 10.1000/182", "WWW.example.org", "Call +1 (555) 010-0199.", "Take 5 mg twice a day.", "a        b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayHaveAddress(s) && addressRE.MatchString(s) {
			t.Fatalf("%q has an address: %q", s, addressRE.FindString(s))
		}
	})
}

// numbers finds what numberRE finds.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"0.5 mg/kg", "1,234.5", "١٢٫٥", "12 345", "v1.2.3.", "3'000", "a1b2", "1..2", "٣٬٠٠٠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := numbers(s), numberRE.FindAllString(s, -1); !slices.Equal(got, want) {
			t.Fatalf("numbers(%q) = %q, want %q", s, got, want)
		}
	})
}
