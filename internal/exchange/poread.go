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
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
)

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

// poRead reads the entries of a PO file as they are written: the header
// entry (nil if it has none) and the others, in file order. A comment
// ends an entry, so that a string after it continues nothing; obsolete
// entries (#~) and previous ones (#|) are comments.
func poRead(file string, data []byte) (header *poEntry, entries []poEntry, err error) {
	r := &poReader{file: file}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	for sc.Scan() {
		r.n++
		if err := r.line(sc.Text()); err != nil {
			return nil, nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fileerr.At(file, r.n+1, 0, err)
	}
	if err := r.finish(); err != nil {
		return nil, nil, err
	}
	return r.header, r.entries, nil
}

// poReader reads a PO file line by line, into its entries.
type poReader struct {
	file    string
	n       int     // the number of the line being read
	e       poEntry // the entry being read
	field   *string // the string of e that a string on the next line continues; nil for none
	header  *poEntry
	entries []poEntry
}

// at places err at column col of the line being read.
func (r *poReader) at(col int, err error) error {
	return fileerr.At(r.file, r.n, col, err)
}

// line reads a line of the file: blank, a comment, a string that
// continues the keyword before it, or a keyword and its string.
func (r *poReader) line(raw string) error {
	line := strings.TrimSpace(raw)
	indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
	switch {
	case line == "":
		r.field = nil
		return nil
	case strings.HasPrefix(line, "#"):
		return r.comment(line)
	case strings.HasPrefix(line, `"`):
		return r.continued(line, indent)
	}
	return r.keyword(line, indent)
}

// comment reads a comment line, which ends the entry before it: the
// comments and flags that follow are the next entry's, and a string after
// it continues nothing, rather than the next entry's text.
func (r *poReader) comment(line string) error {
	if err := r.finish(); err != nil {
		return err
	}
	if flags, ok := strings.CutPrefix(line, "#,"); ok {
		// An entry may have several lines of flags.
		for _, f := range strings.Split(flags, ",") {
			r.e.fuzzy = r.e.fuzzy || strings.TrimSpace(f) == "fuzzy"
		}
	}
	r.field = nil
	return nil
}

// continued reads a string on a line of its own, which continues the
// string of the keyword before it.
func (r *poReader) continued(line string, indent int) error {
	if r.field == nil {
		return r.at(indent+1, errors.New("a string continues no keyword"))
	}
	s, err := poUnquote(line)
	if err != nil {
		return r.at(indent+1, fmt.Errorf("bad string: %w", err))
	}
	if r.field == &r.e.str {
		r.e.strAt = append(r.e.strAt, poAt{len(r.e.str), r.n})
	}
	*r.field += s
	return nil
}

// keyword reads a keyword and its string. gettext takes any white space
// between the two: a tab, as some editors write, or several spaces. A
// msgctxt starts an entry, as does a msgid after the entry's msgid; the
// others belong to the msgid before them.
func (r *poReader) keyword(line string, indent int) error {
	kw, q := line, ""
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		kw, q = line[:i], strings.TrimLeft(line[i:], " \t")
	}
	col := indent + len(line) - len(q) + 1
	s, err := poUnquote(q)
	if err != nil {
		return r.at(col, fmt.Errorf("bad string after %s: %w", kw, err))
	}
	isMsgstrN := strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]")
	switch {
	case kw == "msgctxt":
		if err := r.finish(); err != nil {
			return err
		}
		r.e.ctxt, r.e.has, r.e.line = s, true, r.n
		r.field = &r.e.ctxt
		return nil
	case kw == "msgid":
		return r.msgid(s)
	case kw != "msgstr" && kw != "msgid_plural" && !isMsgstrN:
		return r.at(indent+1, fmt.Errorf("unknown keyword %q", kw))
	case !r.e.hasID:
		return r.at(indent+1, fmt.Errorf("%s before any msgid", kw))
	case kw == "msgstr":
		r.e.str, r.e.strAt = s, []poAt{{0, r.n}}
		r.field = &r.e.str
	case kw == "msgid_plural":
		r.e.plural = &s
		r.field = r.e.plural
	default:
		return r.msgstrN(kw, s, indent)
	}
	return nil
}

// msgid reads a msgid: a second one in an entry starts the next.
func (r *poReader) msgid(s string) error {
	if r.e.hasID {
		if err := r.finish(); err != nil {
			return err
		}
	}
	r.e.id, r.e.has, r.e.hasID = s, true, true
	if r.e.line == 0 {
		r.e.line = r.n
	}
	r.field = &r.e.id
	return nil
}

// msgstrN reads msgstr[i] of a plural entry, kw, whose string is s.
func (r *poReader) msgstrN(kw, s string, indent int) error {
	i, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
	if err != nil || i < 0 || i >= len(catalog.FormNames) {
		return r.at(indent+1, fmt.Errorf("%s: a plural entry has msgstr[0] to msgstr[%d] at most", kw, len(catalog.FormNames)-1))
	}
	if r.e.strs == nil {
		r.e.strs, r.e.strLines = map[int]*string{}, map[int]int{}
	}
	if _, dup := r.e.strs[i]; dup {
		return r.at(indent+1, fmt.Errorf("%s a second time in one entry", kw))
	}
	p := new(string)
	*p = s
	r.e.strs[i], r.e.strLines[i] = p, r.n
	r.field = p
	return nil
}

// finish ends the entry being read, if one is: it is the header or one of
// the entries.
func (r *poReader) finish() error {
	e := r.e
	if !e.has {
		return nil // comments and flags of the entry to come
	}
	if (e.plural != nil) != (e.strs != nil) {
		if e.plural != nil {
			return fileerr.At(r.file, e.line, 1, errors.New("an entry with msgid_plural has msgstr[0], msgstr[1]…, not msgstr"))
		}
		return fileerr.At(r.file, e.line, 1, errors.New("an entry with msgstr[0], msgstr[1]… has no msgid_plural"))
	}
	if e.isHeader() {
		r.header = &e
	} else {
		r.entries = append(r.entries, e)
	}
	r.e = poEntry{}
	return nil
}
