package exchange

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/verdict"
)

// poQuote writes s as a PO string.
func poQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s) + `"`
}

// poOut writes units as a gettext PO file. The message id is the entry's
// msgctxt, so that identical source texts with different ids stay apart; a
// stale translation is written as gettext writes one, fuzzy, with the
// previous source in a "#|" comment; a reviewed one is said so in a "#."
// comment. A message with plural forms is a
// plural entry: its msgid the source's "one" form (or "other", if it has
// none), its msgid_plural the source's "other", and a msgstr[i] for each
// plural form of the language, numbered as the Plural-Forms header says
// (see pluralRuleOf). A language glot knows no formula for can have no
// plural entry: a PO file of one is refused.
func poOut(src, trg string, us []unit, date time.Time) ([]byte, error) {
	rule, ruleErr := pluralRuleOf(trg)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations into %s (%s), written by glot export.\n", langtag.Name(trg), trg)
	b.WriteString("# Tags like <1>...</1> and <2/> stand for the page's markup: keep each one.\n")
	b.WriteString("# A fuzzy entry holds the translation of an earlier version of its source:\n")
	b.WriteString("# update it and remove the fuzzy flag; glot import takes no fuzzy entry.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	header := []string{"Project-Id-Version: glot", "PO-Revision-Date: " + poDate(date),
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit", "Language: " + strings.ReplaceAll(trg, "-", "_"), "Language-Team: " + langtag.Name(trg),
		"Last-Translator: glot export"}
	if rule != nil {
		header = append(header, "Plural-Forms: "+rule.header())
	}
	header = append(header, "X-Source-Language: "+src, "X-Generator: glot")
	for _, h := range header {
		fmt.Fprintf(&b, "%s\n", poQuote(h+"\n"))
	}
	for i := range us {
		u := &us[i]
		b.WriteByte('\n')
		poNotes(&b, u)
		if len(u.forms) > 0 {
			if ruleErr != nil {
				return nil, fmt.Errorf("message %s has plural forms: %w", u.id, ruleErr)
			}
			var says []string
			for i, f := range rule.forms {
				says = append(says, fmt.Sprintf("msgstr[%d]: %s (%s)", i, f, langtag.PluralExample(trg, f)))
			}
			fmt.Fprintf(&b, "#. %s\n", strings.Join(says, "; "))
		}
		if u.reviewed {
			// PO has no state for it: a comment tells the translator
			// that a change here undoes a reviewer's sign-off.
			b.WriteString("#. reviewed in glot: a change needs a new review\n")
		}
		if u.page != "" {
			fmt.Fprintf(&b, "#: %s:%d\n", u.page, u.line)
		}
		msgstr := u.target
		if u.state == verdict.Stale {
			b.WriteString("#, fuzzy\n")
			if u.previous != "" {
				// The previous entry is the one that was translated: the
				// message this one took over, when it took over another's.
				prev := u.previousID
				if prev == "" {
					prev = u.id
				}
				fmt.Fprintf(&b, "#| msgctxt %s\n#| msgid %s\n", poQuote(prev), poQuote(u.previous))
			}
			msgstr = u.old
		}
		if len(u.forms) == 0 {
			fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgstr %s\n", poQuote(u.id), poQuote(u.source.Other), poQuote(form(msgstr, "other")))
			continue
		}
		singular := u.source.One
		if singular == "" {
			singular = u.source.Other
		}
		fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgid_plural %s\n", poQuote(u.id), poQuote(singular), poQuote(u.source.Other))
		for i, f := range rule.forms {
			fmt.Fprintf(&b, "msgstr[%d] %s\n", i, poQuote(form(msgstr, f)))
		}
	}
	return b.Bytes(), nil
}

// poDate writes t as gettext's headers have a date. gettext's checks
// (msgfmt -c) want the PO-Revision-Date field in every file, so a zero
// time writes it empty, rather than a date that is no one's.
func poDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04-0700")
}

// poNotes writes the comments for a translator on u: its kind, what each
// of its tags stands for, and its description.
func poNotes(b *bytes.Buffer, u *unit) {
	if note := u.kindNote(); note != "" {
		fmt.Fprintf(b, "#. %s\n", note)
	}
	if u.source.Description != "" {
		poComment(b, "#. ", u.source.Description)
	}
}

// poComment writes s as comment lines with prefix, one a line of s.
func poComment(b *bytes.Buffer, prefix, s string) {
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimRight(prefix+l, " ") + "\n")
	}
}
