package hugosite_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/bench/corpus"
	"github.com/glot-i18n/glot/bench/hugosite"
	"github.com/glot-i18n/glot/internal/cli"
)

func TestConfig(t *testing.T) {
	var cfg struct {
		DefaultContentLanguage         string
		DefaultContentLanguageInSubdir bool
		DisableKinds                   []string
		BuildFuture                    bool
		Markup                         struct {
			Goldmark struct{ Renderer struct{ Unsafe bool } }
		}
		Languages map[string]struct {
			ContentDir   string
			LanguageName string
			Weight       int
			Params       struct{ Dir string }
		}
	}
	data := hugosite.Config("en", []string{"es", "ar", "ja"}, corpus.BaseURL)
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		t.Fatalf("config.toml: %v\n%s", err, data)
	}
	if cfg.DefaultContentLanguage != "en" || !cfg.DefaultContentLanguageInSubdir || !cfg.BuildFuture || !cfg.Markup.Goldmark.Renderer.Unsafe {
		t.Errorf("config.toml: %+v", cfg)
	}
	if strings.Join(cfg.DisableKinds, ",") != "taxonomy,term,RSS" {
		t.Errorf("disableKinds = %v", cfg.DisableKinds)
	}
	for _, l := range []string{"en", "es", "ar", "ja"} {
		lc, ok := cfg.Languages[l]
		if !ok || lc.ContentDir != "content/"+l || lc.LanguageName == "" {
			t.Errorf("languages.%s = %+v", l, lc)
		}
	}
	if cfg.Languages["ar"].Params.Dir != "rtl" || cfg.Languages["es"].Params.Dir != "ltr" {
		t.Errorf("directions: %+v", cfg.Languages)
	}
}

// TestHugoBuilds builds a small corpus with glot, writes its Markdown as a
// Hugo site, and has Hugo build it: a page per language per page, each
// with its language, direction and alternates, and links between pages
// that reach pages.
func TestHugoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Hugo")
	}
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Fatal("the Hugo site's test needs hugo on the PATH (Debian: apt-get install hugo)")
	}
	site, hugo := t.TempDir(), t.TempDir()
	const pages = 20
	if err := corpus.Generate(site, corpus.Options{Pages: pages}); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := cli.Run([]string{"-C", site, "build", "--format", "md"}, io.Discard, &stderr); code != 0 {
		t.Fatalf("glot build: exit status %d\n%s", code, stderr.String())
	}
	if err := hugosite.Write(hugo, filepath.Join(site, "localized"), corpus.SourceLanguage, corpus.Languages, corpus.BaseURL); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("hugo", "--source", hugo)
	if out, err := cmd.CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARN")) || bytes.Contains(out, []byte("ERROR")) {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	langs := append([]string{corpus.SourceLanguage}, corpus.Languages...)
	mdLink := regexp.MustCompile(`href="[^"]*\.md[#"]`)
	for _, l := range langs {
		htmls, err := filepath.Glob(filepath.Join(hugo, "public", l, "*", "*", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if len(htmls) != pages-2 {
			t.Errorf("%s: %d regular pages built, want %d", l, len(htmls), pages-2)
			continue
		}
		page, err := os.ReadFile(htmls[0])
		if err != nil {
			t.Fatal(err)
		}
		dir := "ltr"
		if l == "ar" {
			dir = "rtl"
		}
		if want := `<html lang="` + l + `" dir="` + dir + `">`; !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s: no %s", htmls[0], want)
		}
		if n := bytes.Count(page, []byte(`<link rel="alternate" hreflang=`)); n != len(langs)+1 {
			t.Errorf("%s: %d alternate links, want %d and x-default", htmls[0], n, len(langs))
		}
		if n := bytes.Count(page, []byte(`<li><a href="/`)); n < len(langs) {
			t.Errorf("%s: a language switcher of %d languages, want %d", htmls[0], n, len(langs))
		}
		if m := mdLink.Find(page); m != nil {
			t.Errorf("%s: a link to Markdown left as it is: %s", htmls[0], m)
		}
	}
}
