package cli

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/glottest"
)

// The translations of the Hugo site of testdata/hugosite: its page text,
// by source text, and its interface text, by id and plural form. The
// Spanish leave the news page out, so that it stays below the threshold.
var (
	hugoPagesES = map[string]string{
		"Welcome":             "Bienvenida",
		"The clinic's pages.": "Las páginas de la clínica.",
		"Our clinic treats depression with ketamine infusions.": "Nuestra clínica trata la depresión con infusiones de ketamina.",
		"Guides":               "Guías",
		"Guides for patients.": "Guías para pacientes.",
		"Therapy":              "Terapia",
		"Ketamine is given slowly, over forty minutes.":        "La ketamina se administra despacio, durante cuarenta minutos.",
		"The usual dose is <1/> of body weight.":               "La dosis habitual es de <1/> de peso corporal.",
		"Ask your doctor before you stop another treatment.":   "Consulte a su médico antes de dejar otro tratamiento.",
		"These pages are no substitute for a doctor's advice.": "Estas páginas no sustituyen el consejo de un médico.",
	}
	hugoPagesAR = map[string]string{
		"Welcome":             "أهلاً بكم",
		"The clinic's pages.": "صفحات العيادة.",
		"Our clinic treats depression with ketamine infusions.": "تعالج عيادتنا الاكتئاب بتسريب الكيتامين.",
		"Guides":               "أدلة",
		"Guides for patients.": "أدلة للمرضى.",
		"Therapy":              "العلاج",
		"Ketamine is given slowly, over forty minutes.":        "يُعطى الكيتامين ببطء على مدى أربعين دقيقة.",
		"The usual dose is <1/> of body weight.":               "الجرعة المعتادة <1/> من وزن الجسم.",
		"Ask your doctor before you stop another treatment.":   "استشر طبيبك قبل أن توقف علاجاً آخر.",
		"These pages are no substitute for a doctor's advice.": "لا تغني هذه الصفحات عن نصيحة الطبيب.",
		"News": "أخبار",
		"The clinic opens on Saturdays from March.": "تفتح العيادة أيام السبت ابتداءً من مارس.",
	}
	hugoUIES = map[string]map[string]string{
		"home":        {"other": "Inicio"},
		"note":        {"other": "Nota:"},
		"reviewed":    {"other": "Revisado por los médicos de la clínica."},
		"readingTime": {"one": "Un minuto de lectura", "many": "{{ .Count }} minutos de lectura", "other": "{{ .Count }} minutos de lectura"},
		"pages":       {"one": "{{ .Count }} página", "many": "{{ .Count }} de páginas", "other": "{{ .Count }} páginas"},
	}
	hugoUIAR = map[string]map[string]string{
		"home":        {"other": "الرئيسية"},
		"note":        {"other": "ملاحظة:"},
		"reviewed":    {"other": "راجعها أطباء العيادة."},
		"readingTime": {"zero": "لا وقت للقراءة", "one": "دقيقة واحدة للقراءة", "two": "دقيقتان للقراءة", "few": "{{ .Count }} دقائق للقراءة", "many": "{{ .Count }} دقيقة للقراءة", "other": "{{ .Count }} من الدقائق للقراءة"},
		"pages":       {"zero": "لا صفحات", "one": "صفحة واحدة", "two": "صفحتان", "few": "{{ .Count }} صفحات", "many": "{{ .Count }} صفحة", "other": "{{ .Count }} من الصفحات"},
	}
)

// translateHugo plays the translator: in locales/translate.<lang>.toml, it
// writes each empty form of each message, from ui for an interface
// message (by id and form), else from pages (by the message's source
// text). A message it has no text for is left empty.
func translateHugo(t *testing.T, dir, lang string, pages map[string]string, ui map[string]map[string]string) {
	t.Helper()
	src, err := catalog.Parse("active.en.toml", read(t, filepath.Join(dir, "locales", "active.en.toml")))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "locales", "translate."+lang+".toml")
	lines := strings.SplitAfter(string(read(t, file)), "\n")
	form := regexp.MustCompile(`^(zero|one|two|few|many|other) = ""\n$`)
	id := ""
	for i, l := range lines {
		if strings.HasPrefix(l, "[") {
			id = strings.Trim(strings.TrimSpace(l), `[]"`)
			continue
		}
		m := form.FindStringSubmatch(l)
		if m == nil || src.Messages[id] == nil {
			continue
		}
		text, ok := ui[id][m[1]]
		if !ok && ui[id] == nil {
			text, ok = pages[src.Messages[id].Other]
		}
		if ok {
			lines[i] = m[1] + " = " + catalog.Quote(text) + "\n"
		}
	}
	write(t, file, strings.Join(lines, ""))
}

// copyTree copies folder from into folder to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		write(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHugoSite runs glot as a Hugo site's translation pipeline, end to end
// with the real hugo: glot init --hugo, extract, merge, the translators'
// work, merge, build; then hugo builds the site. Every language's pages
// are there, each with its lang and the alternates of the versions that
// exist, the interface text in each language with every plural form of
// Arabic, the shortcodes and the fragment they include translated, and
// hugo warns of nothing: no missing translation, no missing shortcode,
// no duplicate path. The news page, left untranslated in Spanish, is not
// written in Spanish, and Hugo links no Spanish version of it.
func TestHugoSite(t *testing.T) {
	glottest.Slow(t, "it starts Hugo")
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Fatal("the Hugo site's test needs hugo on the PATH (Debian: apt-get install hugo)")
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "hugosite"), dir)

	out := string(run(t, dir, 0, "init", "--hugo"))
	if !strings.Contains(out, "en pages from content/en/ into es, ar (content/es/, content/ar/)") {
		t.Errorf("glot init --hugo said: %s", out)
	}
	cfg := string(read(t, filepath.Join(dir, "glot.toml")))
	for _, want := range []string{"\nsource_language = \"en\"\n", "\nlanguages = [\"es\", \"ar\"]\n", "\n[hugo]\n", "\ncontent = \"content/en\"\n",
		"\ni18n = \"i18n\"\n", "\nincomplete = \"fallback\"\n", "\nes = \"content/es\"\n", "\nar = \"content/ar\"\n"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("glot.toml lacks %q:\n%s", want, cfg)
		}
	}
	write(t, filepath.Join(dir, "glot.toml"), strings.Replace(cfg, "\n[content]\n", "\n[content]\nexclude = [\"drafts/**\"]\n", 1))

	run(t, dir, 0, "extract")
	active := string(read(t, filepath.Join(dir, "locales", "active.en.toml")))
	for _, want := range []string{"\n[pages]\none = \"{{ .Count }} page\"\nother = \"{{ .Count }} pages\"\n", "\nhome = \"Home\"\n",
		"These pages are no substitute for a doctor's advice."} {
		if !strings.Contains(active, want) {
			t.Errorf("the source catalog lacks %q:\n%s", want, active)
		}
	}
	if strings.Contains(active, "Not for translation yet.") {
		t.Errorf("an excluded page was extracted:\n%s", active)
	}
	run(t, dir, 0, "merge")
	translateHugo(t, dir, "es", hugoPagesES, hugoUIES)
	translateHugo(t, dir, "ar", hugoPagesAR, hugoUIAR)
	run(t, dir, 0, "merge")
	out = string(run(t, dir, 0, "build"))
	for _, want := range []string{"in content/es/, content/ar/ and i18n/", "no HTML: this is a Hugo site, which hugo builds",
		"es: 15 of 17 messages translated; 2 missing shown in en; 1 page below the 100 % threshold left out of content/es/, for Hugo to show in en"} {
		if !strings.Contains(out, want) {
			t.Errorf("glot build said:\n%s\nwant %q", out, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "es", "docs", "news.md")); !os.IsNotExist(err) {
		t.Errorf("the Spanish news page, below the threshold, was written: %v", err)
	}
	if got := string(read(t, filepath.Join(dir, "content", "es", "docs", "therapy.md"))); !strings.HasPrefix(got, "---\ntitle: \"Terapia\"\nweight: 1\n---\n") ||
		!strings.Contains(got, `La dosis habitual es de {{< dose mg="0.5" >}} de peso corporal.`) || !strings.Contains(got, `{{< include "disclaimer" >}}`) {
		t.Errorf("content/es/docs/therapy.md: front matter, shortcodes:\n%s", got)
	}
	for _, f := range []string{"public", "localized", filepath.Join("content", "ar", "drafts")} {
		if _, err := os.Stat(filepath.Join(dir, f)); !os.IsNotExist(err) {
			t.Errorf("glot build wrote %s: %v", f, err)
		}
	}

	cmd := exec.Command("hugo", "--source", dir, "--printI18nWarnings", "--printPathWarnings")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("hugo: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	for _, l := range strings.Split(stdout.String()+stderr.String(), "\n") {
		if strings.Contains(l, "WARN") || strings.Contains(l, "ERROR") || strings.Contains(l, "MISSING_TRANSLATION") {
			t.Errorf("hugo: %s", l)
		}
	}

	alternates := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	pages := []struct {
		path  string
		langs []string // the versions Hugo links as alternates
	}{
		{"index.html", []string{"en-US", "es-ES", "ar"}},
		{"docs/index.html", []string{"en-US", "es-ES", "ar"}},
		{"docs/therapy/index.html", []string{"en-US", "es-ES", "ar"}},
		{"docs/news/index.html", []string{"en-US", "ar"}},
	}
	codes := map[string]string{"en": "en-US", "es": "es-ES", "ar": "ar"}
	for _, p := range pages {
		for _, lang := range []string{"en", "es", "ar"} {
			name := filepath.Join(dir, "public", lang, filepath.FromSlash(p.path))
			html, err := os.ReadFile(name)
			if !strings.Contains(strings.Join(p.langs, " "), codes[lang]) {
				if err == nil {
					t.Errorf("public/%s/%s exists, though glot left it out", lang, p.path)
				}
				continue
			}
			if err != nil {
				t.Errorf("no public/%s/%s", lang, p.path)
				continue
			}
			if !strings.Contains(string(html), `<html lang="`+codes[lang]+`">`) {
				t.Errorf("public/%s/%s is not marked %s", lang, p.path, codes[lang])
			}
			var got []string
			for _, m := range alternates.FindAllStringSubmatch(string(html), -1) {
				got = append(got, m[1])
				if !strings.HasSuffix(m[2], "/"+strings.TrimSuffix(p.path, "index.html")) {
					t.Errorf("public/%s/%s: the %s alternate is %s", lang, p.path, m[1], m[2])
				}
			}
			if strings.Join(got, " ") != strings.Join(p.langs, " ") {
				t.Errorf("public/%s/%s: alternates %v, want %v", lang, p.path, got, p.langs)
			}
		}
	}

	// The interface text and the page text, in each language.
	shows := map[string][]string{
		"es/docs/therapy/index.html": {`<a href="/es/">Inicio</a>`, "<h1>Terapia</h1>", `<p class="reading">Un minuto de lectura</p>`,
			"La ketamina se administra despacio", `<span class="dose">0.5 mg/kg</span>`, "<strong>Nota:</strong> Consulte a su médico",
			"Estas páginas no sustituyen el consejo de un médico.", "Revisado por los médicos de la clínica.",
			"<span>1 página</span>", "<span>2 páginas</span>"},
		"ar/docs/therapy/index.html": {`<a href="/ar/">الرئيسية</a>`, "<h1>العلاج</h1>", `<p class="reading">دقيقة واحدة للقراءة</p>`,
			"يُعطى الكيتامين ببطء", "<strong>ملاحظة:</strong> استشر طبيبك", "لا تغني هذه الصفحات عن نصيحة الطبيب.",
			"<span>لا صفحات</span><span>صفحة واحدة</span><span>صفحتان</span><span>3 صفحات</span><span>11 صفحة</span><span>100 من الصفحات</span>"},
		"ar/docs/news/index.html": {"تفتح العيادة أيام السبت"},
		"es/index.html":           {"<title>Bienvenida</title>", `<a href="/es/docs/">Guías</a>`},
		"en/docs/news/index.html": {"The clinic opens on Saturdays from March.", `<a href="/en/">Home</a>`},
	}
	for page, wants := range shows {
		html := string(read(t, filepath.Join(dir, "public", filepath.FromSlash(page))))
		for _, want := range wants {
			if !strings.Contains(html, want) {
				t.Errorf("public/%s lacks %s:\n%s", page, want, html)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "en", "_common")); !os.IsNotExist(err) {
		t.Errorf("the headless bundle became a page: %v", err)
	}
}
