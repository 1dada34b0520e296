package hugo

import (
	"fmt"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/config"
)

// GlotConfig returns the glot.toml of the site: its default language is
// glot's source language, its other languages glot's languages, each with
// its content folder, and its i18n folders those glot reads and writes.
// notes say what to change in Hugo's configuration for Hugo to read what
// glot will write: a language without a contentDir of its own.
func (s *Site) GlotConfig() (text string, notes []string, err error) {
	where := strings.Join(s.Files, ", ")
	if len(s.Languages) == 0 {
		return "", nil, fmt.Errorf("%s: no languages table: glot translates a site Hugo builds in several languages; add a table for each language, [languages.%s] and the others, each with its contentDir (\"content/%s\")",
			where, s.DefaultLanguage, s.DefaultLanguage)
	}
	src, ok := s.Default()
	if !ok {
		var keys []string
		for _, l := range s.Languages {
			keys = append(keys, l.Key)
		}
		return "", nil, fmt.Errorf("%s: defaultContentLanguage %q is not one of its languages (%s)", where, s.DefaultLanguage, strings.Join(keys, ", "))
	}
	h := config.Hugo{Content: src.ContentDir, I18n: s.I18nDir, ThemeI18n: s.ThemeI18n, Incomplete: "fallback", ContentDirs: map[string]string{}}
	if h.Content == "" {
		h.Content = s.ContentDir
	}
	var langs []string
	note := map[string]string{}
	for _, l := range s.Languages {
		if l.Key == src.Key {
			continue
		}
		langs = append(langs, l.Tag)
		dir := l.ContentDir
		if dir == "" {
			dir = path.Join(path.Dir(h.Content), l.Tag)
			note[l.Tag] = "not the language's contentDir in Hugo's configuration: add it there"
			notes = append(notes, fmt.Sprintf("%s: language %s has no contentDir: glot build writes its pages into %s/; set contentDir = %q in its table of languages so that Hugo reads them there",
				l.File, l.Key, dir, dir))
		}
		h.ContentDirs[l.Tag] = dir
		if src.ContentDir == "" && overlaps(dir, h.Content) {
			return "", nil, fmt.Errorf("%s: language %s has no contentDir of its own, so its pages are all of %s/: glot reads the source pages from one folder and writes each language's into another, as Hugo reads a site whose languages each have a contentDir; set contentDir = %q for %s (and move its pages there), and one for each language",
				where, src.Key, h.Content, path.Join(h.Content, src.Key), src.Key)
		}
	}
	text, err = config.HugoTemplate(src.Tag, langs, h, note)
	return text, notes, err
}

// overlaps reports whether folders a and b are the same or one holds the
// other.
func overlaps(a, b string) bool {
	a, b = path.Clean(a), path.Clean(b)
	return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}
