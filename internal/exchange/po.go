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
// plural entry: a PO file of one is refused. A zero date writes no
// PO-Revision-Date.
func poOut(src, trg string, us []unit, date time.Time) ([]byte, error) {
	rule, ruleErr := pluralRuleOf(trg)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations into %s (%s), written by glot export.\n", langtag.Name(trg), trg)
	b.WriteString("# Tags like <1>...</1> and <2/> stand for the page's markup: keep each one.\n")
	b.WriteString("# A fuzzy entry holds the translation of an earlier version of its source:\n")
	b.WriteString("# update it and remove the fuzzy flag; glot import takes no fuzzy entry.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	header := []string{"Project-Id-Version: glot"}
	if !date.IsZero() {
		header = append(header, "PO-Revision-Date: "+date.Format("2006-01-02 15:04-0700"))
	}
	header = append(header, "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit", "Language: "+strings.ReplaceAll(trg, "-", "_"), "Language-Team: "+langtag.Name(trg),
		"Last-Translator: glot export")
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
		if u.kind != "" || len(u.codes) > 0 {
			note := u.kind
			for i, c := range u.codes {
				note += fmt.Sprintf("; tag %d: %s", i+1, c)
			}
			fmt.Fprintf(&b, "#. %s\n", strings.TrimPrefix(note, "; "))
		}
		if u.source.Description != "" {
			poComment(&b, "#. ", u.source.Description)
		}
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
				fmt.Fprintf(&b, "#| msgctxt %s\n#| msgid %s\n", poQuote(u.id), poQuote(u.previous))
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

// poIn reads the translations of a PO file: every entry with a msgctxt (the
// message id) and a msgstr, but not the fuzzy ones. A plural entry's
// msgstr[i] is the plural form the language's formula numbers i (see
// pluralRuleOf); the file's Plural-Forms header, when it has plural
// entries, must number the forms so too.
func poIn(file string, data []byte) (*Work, error) {
	w := newWork()
	type entry struct {
		ctxt, id, str string
		plural        *string         // msgid_plural
		strs          map[int]*string // msgstr[i]
		strLines      map[int]int
		fuzzy, has    bool
		line          int
		formsLine     int // where a header says Plural-Forms
	}
	type pluralEntry struct {
		ctxt  string
		line  int
		strs  map[int]*string
		lines map[int]int
	}
	var plurals []pluralEntry
	var e entry
	var field *string
	pluralForms, formsLine := "", 0
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
		switch {
		case e.id == "" && e.ctxt == "" && e.plural == nil:
			// The header: its Language and Plural-Forms.
			for _, l := range strings.Split(e.str, "\n") {
				if v, ok := strings.CutPrefix(l, "Language:"); ok {
					w.Lang = strings.ReplaceAll(strings.TrimSpace(v), "_", "-")
				}
				if v, ok := strings.CutPrefix(l, "Plural-Forms:"); ok {
					pluralForms, formsLine = strings.TrimSpace(v), e.formsLine
				}
			}
		case e.ctxt != "" && e.fuzzy:
			// A draft: gettext's own tools do not use a fuzzy entry
			// either. It is left out, and counted so that the importer
			// hears of it.
			if e.str != "" || slices.ContainsFunc(slices.Collect(maps.Values(e.strs)), func(s *string) bool { return *s != "" }) {
				w.drafts[e.ctxt] = true
			}
		case e.ctxt != "" && e.plural != nil:
			plurals = append(plurals, pluralEntry{e.ctxt, e.line, e.strs, e.strLines})
		case e.ctxt != "" && e.str != "":
			w.set(e.ctxt, "other", e.str, e.line)
		}
		e = entry{}
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			field = nil
		case strings.HasPrefix(line, "#,"):
			if e.has {
				if err := finish(); err != nil {
					return nil, err
				}
			}
			e.fuzzy = strings.Contains(line, "fuzzy")
			field = nil
		case strings.HasPrefix(line, "#"):
			if e.has {
				if err := finish(); err != nil {
					return nil, err
				}
			}
			// A comment ends the entry: a string after it continues
			// nothing, rather than the next entry's text.
			field = nil
		case strings.HasPrefix(line, `"`):
			if field == nil {
				return nil, fileerr.At(file, n, 1, errors.New("a string continues no keyword"))
			}
			s, err := poUnquote(line)
			if err != nil {
				return nil, fileerr.At(file, n, 1, fmt.Errorf("bad string: %w", err))
			}
			if field == &e.str && strings.Contains(s, "Plural-Forms:") {
				e.formsLine = n
			}
			*field += s
		default:
			kw, rest, _ := strings.Cut(line, " ")
			s, err := poUnquote(strings.TrimSpace(rest))
			if err != nil {
				return nil, fileerr.At(file, n, len(kw)+2, fmt.Errorf("bad string after %s: %w", kw, err))
			}
			switch {
			case kw == "msgctxt":
				if e.has {
					if err := finish(); err != nil {
						return nil, err
					}
				}
				e.ctxt, e.has, e.line = s, true, n
				field = &e.ctxt
			case kw == "msgid":
				if e.has && (e.id != "" || e.str != "" || e.plural != nil || e.strs != nil) {
					if err := finish(); err != nil {
						return nil, err
					}
				}
				e.id, e.has = s, true
				if e.line == 0 {
					e.line = n
				}
				field = &e.id
			case kw == "msgstr":
				e.str = s
				if strings.Contains(s, "Plural-Forms:") {
					e.formsLine = n
				}
				field = &e.str
			case kw == "msgid_plural":
				if !e.has {
					return nil, fileerr.At(file, n, 1, errors.New("msgid_plural before any msgid"))
				}
				e.plural = &s
				field = e.plural
			case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
				i, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
				if err != nil || i < 0 || i >= len(catalog.FormNames) {
					return nil, fileerr.At(file, n, 1, fmt.Errorf("%s: a plural entry has msgstr[0] to msgstr[%d] at most", kw, len(catalog.FormNames)-1))
				}
				if e.strs == nil {
					e.strs, e.strLines = map[int]*string{}, map[int]int{}
				}
				if _, dup := e.strs[i]; dup {
					return nil, fileerr.At(file, n, 1, fmt.Errorf("%s a second time in one entry", kw))
				}
				p := new(string)
				*p = s
				e.strs[i], e.strLines[i] = p, n
				field = p
			default:
				return nil, fileerr.At(file, n, 1, fmt.Errorf("unknown keyword %q", kw))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fileerr.At(file, n+1, 0, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("the PO header names no Language"))
	}
	w.settle()
	if len(plurals) == 0 {
		return w, nil
	}
	rule, err := pluralRuleOf(w.Lang)
	if err != nil {
		return nil, fileerr.At(file, plurals[0].line, 0, err)
	}
	if pluralForms != "" {
		if err := rule.agrees(w.Lang, pluralForms); err != nil {
			return nil, fileerr.At(file, formsLine, 0, err)
		}
	}
	for _, p := range plurals {
		for _, i := range slices.Sorted(maps.Keys(p.strs)) {
			if i >= len(rule.forms) {
				return nil, fileerr.At(file, p.lines[i], 1, fmt.Errorf("msgstr[%d]: %s has %d plural forms, msgstr[0] to msgstr[%d] (%s)", i, w.Lang, len(rule.forms), len(rule.forms)-1, strings.Join(rule.forms, ", ")))
			}
			if *p.strs[i] != "" {
				w.set(p.ctxt, rule.forms[i], *p.strs[i], p.line)
			}
		}
	}
	return w, nil
}

// agrees checks the value of a file's Plural-Forms header against r, the
// rule of lang: the same number of forms, and a formula that numbers them
// as r's does.
func (r *pluralRule) agrees(lang, header string) error {
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
