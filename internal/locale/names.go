package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/langtag"
)

// CheckNames looks at the names of the message files in locales folder
// fsys (name for messages): glot reads active.<lang>.toml and
// translate.<lang>.toml only for the source language and the languages
// of glot.toml, by their exact tags, so a file a translator worked on
// under another name would be ignored without a word.
//
// A name whose tag is not a canonical BCP 47 tag (translate.es_ES.toml,
// active.ES.toml, active.xx.toml) cannot be a file glot wrote, nor one it
// will ever read: it is an error, which says what to rename it to. A name
// whose tag is valid but not a language of the site (active.fr.toml when
// fr was taken out of glot.toml) is a warning: the site may mean to keep
// the file for later.
func CheckNames(fsys fs.FS, name, source string, langs []string) (warnings []string, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	site := map[string]bool{}
	for _, l := range langs {
		site[l] = true
	}
	sorted := append([]string(nil), langs...)
	sort.Strings(sorted)
	has := fmt.Sprintf("glot.toml has source_language %s and languages [%s]", source, strings.Join(sorted, ", "))
	var errs []error
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		kind, tag, ok := catalogName(e.Name())
		if !ok {
			continue
		}
		file := path.Join(name, e.Name())
		canon, terr := langtag.Canonical(tag)
		switch {
		case terr != nil:
			msg := fmt.Sprintf("%s: %q is not a language tag in canonical BCP 47 form, so glot never reads this file (%s)", file, tag, has)
			if t, err := language.Parse(strings.ReplaceAll(tag, "_", "-")); err == nil {
				msg += fmt.Sprintf("; rename it to %s.%s.toml", kind, t)
				if t.String() != source && !site[t.String()] {
					msg += " and add " + t.String() + " to languages"
					if b, _ := t.Base(); site[b.String()] {
						msg += fmt.Sprintf(", or to %s.%s.toml", kind, b)
					}
				}
			}
			errs = append(errs, errors.New(msg))
		case langtag.IsPseudo(canon):
			warnings = append(warnings, fmt.Sprintf("%s is not read: %s is a pseudo-language, made by glot build and never translated", file, canon))
		case canon == source && kind == "translate":
			warnings = append(warnings, fmt.Sprintf("%s is not read: %s is the source language, not translated (%s)", file, canon, has))
		case canon != source && !site[canon]:
			warnings = append(warnings, fmt.Sprintf("%s is not read: %s is not a language of the site (%s): add it to languages, or remove the file", file, canon, has))
		}
	}
	return warnings, errors.Join(errs...)
}

// catalogName splits the name of a message file glot reads,
// "active.<tag>.toml" or "translate.<tag>.toml", into its kind and tag.
func catalogName(name string) (kind, tag string, ok bool) {
	rest, ok := strings.CutSuffix(name, ".toml")
	if !ok {
		return "", "", false
	}
	kind, tag, ok = strings.Cut(rest, ".")
	if !ok || kind != "active" && kind != "translate" {
		return "", "", false
	}
	return kind, tag, true
}
