package exchange

import (
	"bytes"
	"fmt"
	"time"
)

// potOut writes units as a gettext template (POT), as xgettext writes one:
// every message with an empty msgstr, or msgstr[0] and msgstr[1] for a
// message with plural forms, and a header that names no language. A
// translator makes a language's PO file of it with msginit, which puts
// the language and its Plural-Forms in the header (nplurals=INTEGER is
// its to fill), or brings one up to date with msgmerge; glot import reads
// either. The message id is the entry's msgctxt, as in a PO export, so
// that msgmerge keeps each translation with its message.
func potOut(src string, us []unit, date time.Time) []byte {
	var b bytes.Buffer
	b.WriteString("# The messages to translate, written by glot export: a gettext template.\n")
	b.WriteString("# msginit makes a language's PO file of it; msgmerge brings one up to date.\n")
	b.WriteString("# Tags like <1>...</1> and <2/> stand for the page's markup: keep each one.\n")
	// xgettext marks a template's header fuzzy: its fields are for
	// msginit to fill. msginit takes the mark off.
	b.WriteString("#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n")
	header := []string{"Project-Id-Version: glot", "POT-Creation-Date: " + poDate(date),
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"}
	for i := range us {
		if len(us[i].forms) > 0 {
			header = append(header, "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;")
			break
		}
	}
	header = append(header, "X-Source-Language: "+src, "X-Generator: glot")
	for _, h := range header {
		fmt.Fprintf(&b, "%s\n", poQuote(h+"\n"))
	}
	for i := range us {
		u := &us[i]
		b.WriteByte('\n')
		poNotes(&b, u)
		if u.page != "" {
			fmt.Fprintf(&b, "#: %s:%d\n", u.page, u.line)
		}
		if len(u.forms) == 0 {
			fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgstr \"\"\n", poQuote(u.id), poQuote(u.source.Other))
			continue
		}
		singular := u.source.One
		if singular == "" {
			singular = u.source.Other
		}
		fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgid_plural %s\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n", poQuote(u.id), poQuote(singular), poQuote(u.source.Other))
	}
	return b.Bytes()
}
