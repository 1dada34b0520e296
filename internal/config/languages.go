package config

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/langtag"
)

// Select returns the languages a command should work on: those named in
// flag (comma-separated, pseudo-languages allowed when pseudo is true), or
// every target language of the site.
func (c *Config) Select(flag []string, pseudo bool) ([]string, error) {
	if len(flag) == 0 {
		return append([]string(nil), c.Languages...), nil
	}
	known := map[string]bool{}
	for _, l := range c.Languages {
		known[l] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range flag {
		for _, l := range strings.Split(f, ",") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			t, err := langtag.Canonical(l)
			if err != nil {
				return nil, err
			}
			switch {
			case langtag.IsPseudo(t) && !pseudo:
				return nil, fmt.Errorf("pseudo-language %s has no catalog; it is only for glot build", t)
			case !langtag.IsPseudo(t) && !known[t]:
				list := append([]string(nil), c.Languages...)
				sort.Strings(list)
				return nil, fmt.Errorf("language %s is not one of the site's languages (%s) in glot.toml", t, strings.Join(list, ", "))
			}
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// NameLanguage is the site language a translator's file is named for, by
// a part of its name between dots ("es.xlf", "review.pt_BR.po"), or "" if
// its name names none. A file whose name says one language and whose
// content another has been relabelled, or misnamed.
func (c *Config) NameLanguage(file string) string {
	parts := strings.Split(path.Base(filepath.ToSlash(file)), ".")
	for _, p := range parts[:len(parts)-1] {
		if l, err := c.FileLanguage(p); err == nil {
			return l
		}
	}
	return ""
}

// FileLanguage is the site language that a translator's file written for
// tag is for. Tools write tags their own way (es_ES, ES-es, pt_br): the
// tag is read with x/text, and it is the site's language when the two are
// the same once canonical, or when they share a language and script and
// the site's tag names no region (es_ES is for es) or the same one. A
// region that differs (pt-PT for a site with pt-BR) is not taken for the
// other, nor is a tag that fits more than one of the site's languages:
// the error names the site's languages.
func (c *Config) FileLanguage(tag string) (string, error) {
	fits, canon, err := langtag.Fits(tag, c.Languages)
	switch {
	case err != nil:
		return "", err
	case len(fits) == 1:
		return fits[0], nil
	case len(fits) > 1:
		return "", fmt.Errorf("language %s could be any of the site's %s: name one of them in the file", canon, strings.Join(fits, ", "))
	}
	list := append([]string(nil), c.Languages...)
	sort.Strings(list)
	return "", fmt.Errorf("language %s is not one of the site's languages (%s) in glot.toml", canon, strings.Join(list, ", "))
}
