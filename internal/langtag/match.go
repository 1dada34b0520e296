package langtag

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// SameLanguage reports whether tags a and b name one language in one
// script, whatever regions they name: the test of a translator's file
// whose source language is said as "en-US" or "en_GB" against a site
// whose source is "en". Scripts are compared as CLDR gives them when a
// tag names none ("zh-TW" is Hant, "zh" Hans); an unknown tag is the same
// only as itself.
func SameLanguage(a, b string) bool {
	ta, erra := parseLoose(a)
	tb, errb := parseLoose(b)
	if erra != nil || errb != nil {
		return strings.EqualFold(a, b)
	}
	ba, _ := ta.Base()
	bb, _ := tb.Base()
	sa, _ := ta.Script()
	sb, _ := tb.Script()
	return ba == bb && sa == sb
}

// Parents lists the parent languages of lang in CLDR's inheritance, nearest
// first: es-MX gives es-419 and es; pt-BR gives pt; es gives none. A
// regional variant's pages fall back through them.
func Parents(lang string) []string {
	t, err := language.Parse(lang)
	if err != nil {
		return nil
	}
	var out []string
	for p := t.Parent(); p != language.Und; p = p.Parent() {
		out = append(out, p.String())
	}
	return out
}

// Canonical validates a BCP 47 language tag and returns it in canonical
// form. "es_MX" and "EN" are refused rather than silently rewritten: file
// names and URLs are made from tags, so a site must spell them one way.
// A pseudo-language is the exception, returned as glot spells it: it is
// typed on the command line, never written in a file.
func Canonical(s string) (string, error) {
	if p, ok := pseudoOf(s); ok {
		return p.tag, nil
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", fmt.Errorf("unknown language tag %q: %v", s, err)
	}
	if t.String() != s {
		return "", fmt.Errorf("language tag %q is not in canonical BCP 47 form; write %q", s, t.String())
	}
	return s, nil
}

// parseLoose parses a tag written with underscores or spaces around it.
func parseLoose(s string) (language.Tag, error) {
	return language.Parse(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
}

// Fits returns the languages of langs (canonical tags) that a tag written
// by another tool stands for: the one it is once canonical, else those
// with its language and script (as CLDR gives them when a tag names none)
// whose own tag names no region, or the same region. es_ES fits es;
// pt-PT does not fit pt-BR. canon is the tag in canonical form; more than
// one fit means the tag does not say which language it is.
func Fits(tag string, langs []string) (fits []string, canon string, err error) {
	t, err := parseLoose(tag)
	if err != nil {
		return nil, "", fmt.Errorf("unknown language tag %q: %v", tag, err)
	}
	canon = t.String()
	if slices.Contains(langs, canon) {
		return []string{canon}, canon, nil
	}
	base, _ := t.Base()
	script, _ := t.Script()
	region, rconf := t.Region()
	for _, l := range langs {
		st := language.Make(l)
		sb, _ := st.Base()
		ss, _ := st.Script()
		sr, srconf := st.Region()
		if sb != base || ss != script {
			continue
		}
		if srconf == language.Exact && (rconf != language.Exact || sr != region) {
			continue // the site's tag names a region the file's does not
		}
		fits = append(fits, l)
	}
	return fits, canon, nil
}

// Normalize returns tag in canonical form, however its case is written:
// "pt-br" (as Hugo's configuration keys are read, lowercased) is "pt-BR".
// The error is x/text's, for a tag that is none.
func Normalize(tag string) (string, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", err
	}
	return t.String(), nil
}

// Preferred returns the index in tags (canonical, as Normalize gives
// them) of the one that best matches an HTTP Accept-Language header, by
// x/text's matcher: "es-AR, en;q=0.5" picks es-419 or es before en. ok is
// false when the header is empty or names none of tags, nor a language
// close to one.
func Preferred(accept string, tags []string) (int, bool) {
	if accept == "" || len(tags) == 0 {
		return 0, false
	}
	want, _, err := language.ParseAcceptLanguage(accept)
	if err != nil || len(want) == 0 {
		return 0, false
	}
	have := make([]language.Tag, len(tags))
	for i, t := range tags {
		have[i] = language.Make(t)
	}
	_, i, conf := language.NewMatcher(have).Match(want...)
	if conf == language.No {
		return 0, false
	}
	return i, true
}
