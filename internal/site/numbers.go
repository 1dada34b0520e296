package site

import (
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// numbers is the tag that numbers in lang are written with: lang, with
// the numbering system [build] digits gives it or its language (ar for
// ar-EG), else CLDR's default for lang, as x/text has it.
func (u *ui) numbers(lang string) language.Tag {
	nu, ok := u.digits[lang]
	if !ok {
		base, _, _ := strings.Cut(lang, "-")
		nu, ok = u.digits[base]
	}
	if ok {
		if t, err := language.Parse(lang + "-u-nu-" + nu); err == nil {
			return t
		}
	}
	return language.Make(lang)
}

// formatNumber writes n as tag writes numbers: its digits and grouping.
func formatNumber(tag language.Tag, n int) string {
	return message.NewPrinter(tag).Sprint(number.Decimal(n))
}

// formatDate writes a date as ISO 8601 (2026-11-25), which every language
// reads, in the digits of tag (see numbers) (٢٠٢٦-١١-٢٥ in Arabic): x/text gives the
// digits; it has no calendar patterns to say more.
func formatDate(tag language.Tag, t time.Time) string {
	zero := []rune(message.NewPrinter(tag).Sprint(number.Decimal(0)))
	iso := t.Format("2006-01-02")
	if len(zero) != 1 || zero[0] == '0' {
		return iso
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return zero[0] + (r - '0')
		}
		return r
	}, iso)
}

// pageDate reads the date a page was last changed from its front matter:
// lastmod, else date.
func pageDate(values map[string]any) (time.Time, bool) {
	for _, k := range []string{"lastmod", "date"} {
		switch v := values[k].(type) {
		case time.Time:
			return v, true
		case string:
			for _, f := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05"} {
				if t, err := time.Parse(f, v); err == nil {
					return t, true
				}
			}
		}
	}
	return time.Time{}, false
}
