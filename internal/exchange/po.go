package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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
// previous source in a "#|" comment.
func poOut(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations into %s (%s), written by glot export.\n", langtag.Name(trg), trg)
	b.WriteString("# Tags like <1>...</1> and <2/> stand for the page's markup: keep each one.\n")
	b.WriteString("# A fuzzy entry holds the translation of an earlier version of its source:\n")
	b.WriteString("# update it and remove the fuzzy flag; glot import takes no fuzzy entry.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{"Project-Id-Version: glot", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit", "Language: " + strings.ReplaceAll(trg, "-", "_"), "Language-Team: " + langtag.Name(trg),
		"Last-Translator: glot export", "X-Source-Language: " + src, "X-Generator: glot"} {
		fmt.Fprintf(&b, "%s\n", poQuote(h+"\n"))
	}
	for _, u := range us {
		b.WriteByte('\n')
		if u.kind != "" || len(u.codes) > 0 {
			note := u.kind
			for i, c := range u.codes {
				note += fmt.Sprintf("; tag %d: %s", i+1, c)
			}
			fmt.Fprintf(&b, "#. %s\n", strings.TrimPrefix(note, "; "))
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
		fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgstr %s\n", poQuote(u.id), poQuote(u.source), poQuote(msgstr))
	}
	return b.Bytes()
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
// message id) and a msgstr, but not the fuzzy ones.
func poIn(file string, data []byte) (*Work, error) {
	w := &Work{Translations: map[string]string{}, Lines: map[string]int{}}
	type entry struct {
		ctxt, id, str string
		fuzzy, has    bool
		line          int
	}
	var e entry
	var field *string
	finish := func() error {
		if !e.has {
			return nil // comments and flags of the entry to come
		}
		if e.id == "" && e.ctxt == "" {
			// The header: its Language.
			for _, l := range strings.Split(e.str, "\n") {
				if v, ok := strings.CutPrefix(l, "Language:"); ok {
					w.Lang = strings.ReplaceAll(strings.TrimSpace(v), "_", "-")
				}
			}
		} else if e.ctxt != "" && e.str != "" && !e.fuzzy {
			w.Translations[e.ctxt] = e.str
			w.Lines[e.ctxt] = e.line
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
				finish()
			}
			e.fuzzy = strings.Contains(line, "fuzzy")
			field = nil
		case strings.HasPrefix(line, "#"):
			if e.has {
				finish()
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
					finish()
				}
				e.ctxt, e.has, e.line = s, true, n
				field = &e.ctxt
			case kw == "msgid":
				if e.has && (e.id != "" || e.str != "") {
					finish()
				}
				e.id, e.has = s, true
				if e.line == 0 {
					e.line = n
				}
				field = &e.id
			case kw == "msgstr":
				e.str = s
				field = &e.str
			case kw == "msgid_plural" || strings.HasPrefix(kw, "msgstr["):
				return nil, fileerr.At(file, n, 1, fmt.Errorf("%s: plural entries are not exchanged as PO yet", kw))
			default:
				return nil, fileerr.At(file, n, 1, fmt.Errorf("unknown keyword %q", kw))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fileerr.At(file, n+1, 0, err)
	}
	finish()
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("the PO header names no Language"))
	}
	return w, nil
}
