package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
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

// poUnquote reads a PO string, which must be UTF-8, as glot writes it and
// its header says: strconv.Unquote would turn a byte that is not into
// U+FFFD unseen, and let an escape such as \xff make one.
func poUnquote(q string) (string, error) {
	if !strings.HasPrefix(q, `"`) {
		// strconv.Unquote would also take Go's 'x' and `x`.
		return "", errors.New("a PO string is written between double quotes")
	}
	if !utf8.ValidString(q) {
		return "", errors.New("not UTF-8 (glot reads PO files in UTF-8)")
	}
	s, err := strconv.Unquote(q)
	if err != nil {
		return "", err
	}
	if !utf8.ValidString(s) {
		return "", errors.New("an escape makes a byte that is not UTF-8")
	}
	return s, nil
}

// poEntry is an entry of a PO file as written, before it is taken.
type poEntry struct {
	ctxt, id, str string
	plural        *string         // msgid_plural
	strs          map[int]*string // msgstr[i]
	strLines      map[int]int
	fuzzy         bool
	has, hasID    bool // a msgctxt or msgid was read; a msgid was
	line          int  // of its msgctxt, or else its msgid
	// strAt says where each string of the msgstr begins, at which byte of
	// str and on which line: the header's fields are named by their line.
	strAt []poAt
}

type poAt struct{ offset, line int }

// lineOf returns the line the byte off of e's msgstr is on.
func (e *poEntry) lineOf(off int) int {
	line := e.line
	for _, a := range e.strAt {
		if a.offset <= off {
			line = a.line
		}
	}
	return line
}

// isHeader says e is the header entry: msgid "" with no msgctxt.
func (e *poEntry) isHeader() bool {
	return e.id == "" && e.ctxt == "" && e.plural == nil
}

// srcKey is the source text an entry without msgctxt is named by: its
// msgid_plural, the source's other form, or its msgid.
func (e *poEntry) srcKey() string {
	if e.plural != nil {
		return *e.plural
	}
	return e.id
}

// translated says the entry holds a translation, in any of its msgstr.
func (e *poEntry) translated() bool {
	return e.str != "" || slices.ContainsFunc(slices.Collect(maps.Values(e.strs)), func(s *string) bool { return *s != "" })
}

// poIn reads the translations of a PO file, all but the fuzzy entries: an
// entry with a msgctxt translates the message that is its id; one without
// (Translate Toolkit's xliff2po drops msgctxt, and a PO file that msginit
// made from another tool's template has none) translates every message
// whose source is its msgid, or its msgid_plural. Beside each translation
// it records the source the entry carries, its msgid and msgid_plural. A
// plural entry's msgstr[i] is the plural form the language's formula
// numbers i (see pluralRuleOf); the file's Plural-Forms header, when it
// has plural entries, must number the forms so too. Two entries with one
// msgctxt, or one msgid and no msgctxt, are a fault: neither is taken.
func poIn(file string, data []byte) (*Work, error) {
	header, entries, err := poRead(file, data)
	if err != nil {
		return nil, err
	}
	w := newWork()
	pluralForms, formsLine := "", 0
	if header != nil {
		off := 0
		for _, l := range strings.Split(header.str, "\n") {
			k, v, _ := strings.Cut(l, ":")
			v = strings.TrimSpace(v)
			switch strings.TrimSpace(k) {
			case "Language":
				w.Lang = strings.ReplaceAll(v, "_", "-")
			case "Plural-Forms":
				pluralForms, formsLine = v, header.lineOf(off)
			case "X-Source-Language":
				w.SourceLang, w.sourceLangLine = strings.ReplaceAll(v, "_", "-"), header.lineOf(off)
			}
			off += len(l) + 1
		}
	}
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("the PO header names no Language"))
	}
	faulty := poDuplicates(w, entries)
	var rule *pluralRule
	for i := range entries {
		e := &entries[i]
		if e.fuzzy || e.plural == nil {
			continue
		}
		if rule == nil {
			if rule, err = pluralRuleOf(w.Lang); err != nil {
				return nil, fileerr.At(file, e.line, 0, err)
			}
			if pluralForms != "" {
				if err := rule.agrees(w.Lang, pluralForms); err != nil {
					return nil, fileerr.At(file, formsLine, 0, err)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(e.strs)) {
			if k >= len(rule.forms) {
				return nil, fileerr.At(file, e.strLines[k], 1, fmt.Errorf("msgstr[%d]: %s has %d plural forms, msgstr[0] to msgstr[%d] (%s)", k, w.Lang, len(rule.forms), len(rule.forms)-1, strings.Join(rule.forms, ", ")))
			}
		}
	}
	for i := range entries {
		e := &entries[i]
		switch {
		case faulty[i] || !e.translated():
		case e.fuzzy:
			// A draft: gettext's own tools do not use a fuzzy entry
			// either. It is left out, and counted so that the importer
			// hears of it. An entry without msgctxt is counted apart
			// from any message id.
			if e.ctxt != "" {
				w.drafts[e.ctxt] = true
			} else {
				w.drafts["\x00"+e.srcKey()] = true
			}
		case e.plural == nil && e.ctxt != "":
			w.set(e.ctxt, "other", e.str, e.line)
			w.source(e.ctxt, "other", e.id)
		case e.plural == nil:
			w.setBySource(e.id, "other", e.str, e.line)
		default:
			for _, k := range slices.Sorted(maps.Keys(e.strs)) {
				if *e.strs[k] == "" {
					continue
				}
				if e.ctxt != "" {
					w.set(e.ctxt, rule.forms[k], *e.strs[k], e.line)
				} else {
					w.setBySource(*e.plural, rule.forms[k], *e.strs[k], e.line)
				}
			}
			if e.ctxt != "" {
				w.source(e.ctxt, "one", e.id)
				w.source(e.ctxt, "other", *e.plural)
			}
		}
	}
	w.settle()
	return w, nil
}

// poDuplicates records a fault for each entry that names again what an
// entry before it names: the same msgctxt, the message id (gettext's
// msgfmt refuses such a file when the msgid is the same too), or, without
// msgctxt, the same msgid or the same source text (see srcKey). It
// returns the entries of every such pair, none of which is taken: glot
// cannot tell which one is meant.
func poDuplicates(w *Work, entries []poEntry) map[int]bool {
	faulty := map[int]bool{}
	first := map[string]int{}
	for i := range entries {
		e := &entries[i]
		keys := []string{"msgctxt\x00" + e.ctxt}
		if e.ctxt == "" {
			keys = []string{"msgid\x00" + e.id, "source\x00" + e.srcKey()}
		}
		dup, on := -1, ""
		for _, k := range keys {
			if j, ok := first[k]; !ok {
				first[k] = i
			} else if dup < 0 {
				dup, on = j, k
			}
		}
		if dup < 0 {
			continue
		}
		faulty[i], faulty[dup] = true, true
		says := fmt.Sprintf("a second entry without msgctxt for the source %q", e.srcKey())
		switch {
		case e.ctxt != "":
			says = fmt.Sprintf("msgctxt %q a second time", e.ctxt)
		case strings.HasPrefix(on, "msgid\x00"):
			says = fmt.Sprintf("msgid %q without msgctxt a second time", e.id)
		}
		w.fault(e.line, e.ctxt, "%s (the first at line %d): neither entry is taken", says, entries[dup].line)
	}
	return faulty
}

// poRead reads the entries of a PO file as they are written: the header
// entry (nil if it has none) and the others, in file order. A comment
// ends an entry, so that a string after it continues nothing; obsolete
// entries (#~) and previous ones (#|) are comments.
func poRead(file string, data []byte) (header *poEntry, entries []poEntry, err error) {
	var e poEntry
	var field *string
	finish := func() error {
		if !e.has {
			return nil // comments and flags of the entry to come
		}
		if (e.plural != nil) != (e.strs != nil) {
			if e.plural != nil {
				return fileerr.At(file, e.line, 1, errors.New("an entry with msgid_plural has msgstr[0], msgstr[1]…, not msgstr"))
			}
			return fileerr.At(file, e.line, 1, errors.New("an entry with msgstr[0], msgstr[1]… has no msgid_plural"))
		}
		if e.isHeader() {
			h := e
			header = &h
		} else {
			entries = append(entries, e)
		}
		e = poEntry{}
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		switch {
		case line == "":
			field = nil
		case strings.HasPrefix(line, "#"):
			if e.has {
				if err := finish(); err != nil {
					return nil, nil, err
				}
			}
			if flags, ok := strings.CutPrefix(line, "#,"); ok {
				// An entry may have several lines of flags.
				for _, f := range strings.Split(flags, ",") {
					e.fuzzy = e.fuzzy || strings.TrimSpace(f) == "fuzzy"
				}
			}
			// A comment ends the entry: a string after it continues
			// nothing, rather than the next entry's text.
			field = nil
		case strings.HasPrefix(line, `"`):
			if field == nil {
				return nil, nil, fileerr.At(file, n, indent+1, errors.New("a string continues no keyword"))
			}
			s, err := poUnquote(line)
			if err != nil {
				return nil, nil, fileerr.At(file, n, indent+1, fmt.Errorf("bad string: %w", err))
			}
			if field == &e.str {
				e.strAt = append(e.strAt, poAt{len(e.str), n})
			}
			*field += s
		default:
			// gettext takes any white space between a keyword and its
			// string: a tab, as some editors write, or several spaces.
			kw, q := line, ""
			if i := strings.IndexAny(line, " \t"); i >= 0 {
				kw, q = line[:i], strings.TrimLeft(line[i:], " \t")
			}
			col := indent + len(line) - len(q) + 1
			s, err := poUnquote(q)
			if err != nil {
				return nil, nil, fileerr.At(file, n, col, fmt.Errorf("bad string after %s: %w", kw, err))
			}
			switch {
			case kw == "msgctxt":
				if e.has {
					if err := finish(); err != nil {
						return nil, nil, err
					}
				}
				e.ctxt, e.has, e.line = s, true, n
				field = &e.ctxt
			case kw == "msgid":
				if e.hasID {
					if err := finish(); err != nil {
						return nil, nil, err
					}
				}
				e.id, e.has, e.hasID = s, true, true
				if e.line == 0 {
					e.line = n
				}
				field = &e.id
			case kw == "msgstr":
				if !e.hasID {
					return nil, nil, fileerr.At(file, n, indent+1, errors.New("msgstr before any msgid"))
				}
				e.str, e.strAt = s, []poAt{{0, n}}
				field = &e.str
			case kw == "msgid_plural":
				if !e.hasID {
					return nil, nil, fileerr.At(file, n, indent+1, errors.New("msgid_plural before any msgid"))
				}
				e.plural = &s
				field = e.plural
			case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
				if !e.hasID {
					return nil, nil, fileerr.At(file, n, indent+1, fmt.Errorf("%s before any msgid", kw))
				}
				i, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
				if err != nil || i < 0 || i >= len(catalog.FormNames) {
					return nil, nil, fileerr.At(file, n, indent+1, fmt.Errorf("%s: a plural entry has msgstr[0] to msgstr[%d] at most", kw, len(catalog.FormNames)-1))
				}
				if e.strs == nil {
					e.strs, e.strLines = map[int]*string{}, map[int]int{}
				}
				if _, dup := e.strs[i]; dup {
					return nil, nil, fileerr.At(file, n, indent+1, fmt.Errorf("%s a second time in one entry", kw))
				}
				p := new(string)
				*p = s
				e.strs[i], e.strLines[i] = p, n
				field = p
			default:
				return nil, nil, fileerr.At(file, n, indent+1, fmt.Errorf("unknown keyword %q", kw))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fileerr.At(file, n+1, 0, err)
	}
	if err := finish(); err != nil {
		return nil, nil, err
	}
	return header, entries, nil
}

// agrees checks the value of a file's Plural-Forms header against r, the
// rule of lang: the same number of forms, and a formula that numbers them
// as r's does.
func (r *pluralRule) agrees(lang, header string) error {
	if strings.Contains(header, "nplurals=INTEGER") {
		// msginit leaves a template's placeholder for a language its
		// table lacks (gettext 0.21 has no Arabic).
		return fmt.Errorf("Plural-Forms is still the template's %q: put %s's, Plural-Forms: %s", header, lang, r.header())
	}
	n, eval, err := parsePluralForms(header)
	if err != nil {
		return fmt.Errorf("Plural-Forms: %w", err)
	}
	if n != len(r.forms) {
		return fmt.Errorf("Plural-Forms says nplurals=%d, but %s has %d plural forms (%s), numbered by Plural-Forms: %s", n, lang, len(r.forms), strings.Join(r.forms, ", "), r.header())
	}
	if eval == nil {
		return nil
	}
	for _, c := range checkCounts {
		got, ok := eval(c)
		want, _ := r.eval(c)
		if !ok || got != want {
			return fmt.Errorf("Plural-Forms puts %d in msgstr[%d], where %s's %s form is msgstr[%d], numbered by Plural-Forms: %s", c, got, lang, r.forms[want], want, r.header())
		}
	}
	return nil
}
