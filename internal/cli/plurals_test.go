package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
)

// arabicForms is a translation of the default layout's ui-reading-time
// into Arabic: a different text for each of its six plural forms.
var arabicForms = []struct{ form, text string }{
	{"zero", "القراءة: لا دقائق"},
	{"one", "القراءة: دقيقة واحدة"},
	{"two", "القراءة: دقيقتان"},
	{"few", "القراءة: {{.Count}} دقائق"},
	{"many", "القراءة: {{.Count}} دقيقة"},
	{"other", "القراءة: {{.Count}} من الدقائق"},
}

// readingSite writes a site translated into Arabic whose pages take 1, 2,
// 3, 13 and 101 minutes to read, which Arabic says with the plural forms
// one, two, few, many and other; the reading time of a page is its words
// shown, 200 a minute.
func readingSite(t *testing.T) (dir string, pages map[string]int) {
	t.Helper()
	dir = t.TempDir()
	write(t, filepath.Join(dir, "glot.toml"), "source_language = \"en\"\nlanguages = [\"ar\"]\n")
	ownInterfaceText(t, dir)
	para := strings.TrimSpace(strings.Repeat("patients read this long sentence about ketamine and depression slowly ", 10)) + "."
	pages = map[string]int{"one": 1, "two": 3, "few": 5, "many": 25, "other": 201} // paragraphs of 100 words
	for name, n := range pages {
		write(t, filepath.Join(dir, "content", name+".md"), "# Page "+name+"\n\n"+strings.Repeat(para+"\n\n", n))
	}
	run(t, dir, 0, "extract")
	return dir, pages
}

// fillForms plays a translator's tool: a text edit of an export of
// ui-reading-time into Arabic that fills each plural form with the text
// of forms, as the format carries it.
func fillForms(t *testing.T, format, data string) string {
	t.Helper()
	for i, f := range arabicForms {
		// Each form is the text from a start to an end that glot wrote
		// for it; the translation goes at the end.
		var start, end, text string
		switch format {
		case "po":
			start, end, text = "msgctxt \"ui-reading-time\"", fmt.Sprintf("msgstr[%d] \"", i), fmt.Sprintf("%q", f.text)[1:]
		case "xliff":
			start, end, text = `<unit id="ui-reading-time.`+f.form+`"`, "</source>", "<target>"+f.text+"</target>"
		case "tmx":
			start, end, text = `<tu tuid="ui-reading-time.`+f.form+`">`, "</tuv>", `<tuv xml:lang="ar"><seg>`+f.text+"</seg></tuv>"
		}
		i := strings.Index(data, start)
		j := strings.Index(data[max(i, 0):], end)
		if i < 0 || j < 0 {
			t.Fatalf("glot export --format %s wrote no %s form of ui-reading-time (%s…%s):\n%s", format, f.form, start, end, data)
		}
		at := i + j + len(end)
		if format == "po" {
			// msgstr[i] "": the translation replaces the closing quote.
			data = data[:at] + text + data[at+1:]
		} else {
			data = data[:at] + text + data[at:]
		}
		if format == "xliff" {
			// The tool marks the unit's segment translated: one left
			// initial is a draft, which glot import leaves out.
			data = data[:i] + strings.Replace(data[i:], `<segment state="initial">`, `<segment state="translated">`, 1)
		}
	}
	return data
}

// arabicDigits writes n as a page in Arabic does, in Arabic-Indic digits.
func arabicDigits(n int) string {
	var b strings.Builder
	for _, d := range fmt.Sprint(n) {
		b.WriteRune('٠' + d - '0')
	}
	return b.String()
}

// shown is the reading time a built Arabic page shows.
func shown(t *testing.T, dir, page string) string {
	t.Helper()
	html := string(read(t, filepath.Join(dir, "public", "ar", page, "index.html")))
	i := strings.Index(html, `<p class="meta">`)
	if i < 0 {
		t.Fatalf("public/ar/%s/index.html has no reading time:\n%s", page, html)
	}
	return html[i : i+strings.Index(html[i:], "</p>")]
}

// Every plural form of an interface message goes through glot export and
// glot import in each format, and the Arabic pages built after show each:
// "one" on the page of a minute, "few" on that of three, "many" on that of
// thirteen. Then a file that brings back only the "other" form, as every
// export did, changes that form and leaves the five others in force.
func TestPluralFormsThroughExchange(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"po", "xliff", "tmx"} {
		t.Run(format, func(t *testing.T) {
			dir, pages := readingSite(t)
			file := filepath.Join(dir, "ar."+format)
			run(t, dir, 0, "export", "--lang", "ar", "--format", format, "-o", file)
			write(t, file, fillForms(t, format, string(read(t, file))))
			run(t, dir, 0, "import", file)
			active := string(read(t, filepath.Join(dir, "locales", "active.ar.toml")))
			for _, f := range arabicForms {
				if !strings.Contains(active, f.form+" = "+catalog.Quote(f.text)) {
					t.Errorf("active.ar.toml lacks %s = %q:\n%s", f.form, f.text, active)
				}
			}
			run(t, dir, 0, "build")
			for form, paras := range pages {
				minutes := (paras*100 + 199) / 200
				var want string
				for _, f := range arabicForms {
					if f.form == form {
						want = strings.ReplaceAll(f.text, "{{.Count}}", arabicDigits(minutes))
					}
				}
				if got := shown(t, dir, form); !strings.Contains(got, want) {
					t.Errorf("the Arabic page of %d minutes shows %s, want %q (%s)", minutes, got, want, form)
				}
			}

			// A file of another tool, or of an earlier glot, brings only
			// the other form.
			xlf := filepath.Join(dir, "other.xlf")
			write(t, xlf, `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">
 <file id="f1" original="(no page)">
  <unit id="ui-reading-time">
   <segment state="translated">
    <source>Reading time: {{.Count}} minutes</source>
    <target>وقت القراءة: {{.Count}} من الدقائق</target>
   </segment>
  </unit>
 </file>
</xliff>
`)
			run(t, dir, 0, "import", xlf)
			run(t, dir, 0, "build")
			if got := shown(t, dir, "few"); !strings.Contains(got, "القراءة: ٣ دقائق") {
				t.Errorf("after an import of the other form alone, the page of 3 minutes shows %s", got)
			}
			if got := shown(t, dir, "other"); !strings.Contains(got, "وقت القراءة: ١٠١ من الدقائق") {
				t.Errorf("the imported other form is not shown: %s", got)
			}
		})
	}
}
