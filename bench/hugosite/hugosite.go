package hugosite

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/glot-i18n/glot/bench/internal/files"
	"github.com/glot-i18n/glot/internal/langtag"
)

//go:embed all:layouts
var layouts embed.FS

// Write writes the Hugo site into dir: its config.toml, its layouts, and
// one content folder per language, copied from localized/<lang>/. The
// source language comes first and is Hugo's default content language.
func Write(dir, localized, source string, langs []string, baseURL string) error {
	all := append([]string{source}, langs...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create Hugo site: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), Config(source, langs, baseURL), 0o644); err != nil {
		return fmt.Errorf("write Hugo config: %w", err)
	}
	if err := writeLayouts(filepath.Join(dir, "layouts")); err != nil {
		return err
	}
	for _, l := range all {
		if err := files.CopyTree(filepath.Join(localized, l), filepath.Join(dir, "content", l)); err != nil {
			return fmt.Errorf("copy %s content: %w", l, err)
		}
	}
	return nil
}

// Config returns Hugo's config.toml for a site in the source language and
// langs. It is written in TOML as config.toml, which every Hugo release
// reads. Taxonomies and RSS are off, since glot builds neither; the
// sitemap stays, since glot writes one.
func Config(source string, langs []string, baseURL string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "baseURL = %q\n", baseURL)
	b.WriteString("title = \"Clinic Handbook\"\n")
	fmt.Fprintf(&b, "defaultContentLanguage = %q\n", source)
	b.WriteString("defaultContentLanguageInSubdir = true\n")
	b.WriteString("disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n")
	b.WriteString("# glot builds every page, whatever its date.\nbuildFuture = true\nbuildExpired = true\n")
	b.WriteString("\n# Raw HTML in the pages is kept, as glot keeps it.\n")
	b.WriteString("[markup.goldmark.renderer]\nunsafe = true\n")
	for i, l := range append([]string{source}, langs...) {
		fmt.Fprintf(&b, "\n[languages.%s]\n", l)
		fmt.Fprintf(&b, "languageName = %q\n", langtag.Name(l))
		fmt.Fprintf(&b, "contentDir = %q\n", "content/"+l)
		fmt.Fprintf(&b, "weight = %d\n", i+1)
		fmt.Fprintf(&b, "[languages.%s.params]\ndir = %q\n", l, langtag.Dir(l))
	}
	return []byte(b.String())
}

func writeLayouts(dst string) error {
	return fs.WalkDir(layouts, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, filepath.FromSlash(strings.TrimPrefix(p, "layouts")))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := layouts.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("write layout: %w", err)
		}
		return nil
	})
}
