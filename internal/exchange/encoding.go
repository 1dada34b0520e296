package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// Translators' tools write files in other encodings than UTF-8: gettext's
// msgconv rewrites a PO file into the charset it names in its header, and
// Trados writes TMX in UTF-16 with a byte order mark. decode reads each as
// its tool says it wrote it, and refuses a byte that is not of that
// encoding, with its line: a decoder that turns such bytes into U+FFFD
// would put the replacement character into the site unseen.

// decode returns the text of a translator's file in UTF-8, without a byte
// order mark. A byte order mark decides the encoding, as does an XML
// declaration in UTF-16 without one; otherwise an XML file is in the
// encoding its declaration names and a PO file in the charset its header's
// Content-Type names, UTF-8 if they name none.
func decode(file string, data []byte) ([]byte, error) {
	if text, ok, err := unicodeText(file, data); ok || err != nil {
		return text, err
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("<")) {
		return xmlText(file, data)
	}
	return poText(file, data)
}

// unicodeText decodes data whose first bytes say it is Unicode: a byte
// order mark of UTF-8 or UTF-16, or the "<?" of an XML declaration in
// UTF-16, which without a mark is told by where its zero bytes are (XML
// 1.0, appendix F). ok is false for any other data.
func unicodeText(file string, data []byte) (text []byte, ok bool, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		text, err = utf8Text(file, "UTF-8", data[3:])
		return text, true, err
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		text, err = utf16Text(file, data[2:], false)
		return text, true, err
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		text, err = utf16Text(file, data[2:], true)
		return text, true, err
	case bytes.HasPrefix(data, []byte("<\x00?\x00")):
		text, err = utf16Text(file, data, false)
		return text, true, err
	case bytes.HasPrefix(data, []byte("\x00<\x00?")):
		text, err = utf16Text(file, data, true)
		return text, true, err
	}
	return nil, false, nil
}

// utf16Text decodes UTF-16, refusing a surrogate that is not half of a
// pair and a last byte that is not half of a code unit.
func utf16Text(file string, data []byte, bigEndian bool) ([]byte, error) {
	name := "UTF-16LE"
	if bigEndian {
		name = "UTF-16BE"
	}
	out := make([]byte, 0, len(data)/2)
	line := 1
	unit := func(i int) rune {
		if bigEndian {
			return rune(data[i])<<8 | rune(data[i+1])
		}
		return rune(data[i+1])<<8 | rune(data[i])
	}
	for i := 0; i < len(data); i += 2 {
		if i+1 == len(data) {
			return nil, fileerr.At(file, line, 0, fmt.Errorf("the file ends in half a %s character", name))
		}
		r := unit(i)
		if utf16.IsSurrogate(r) {
			pair := utf8.RuneError
			if i+3 < len(data) {
				pair = utf16.DecodeRune(r, unit(i+2))
			}
			if pair == utf8.RuneError {
				return nil, fileerr.At(file, line, 0, fmt.Errorf("a %s surrogate (%#04x) that is not half of a pair", name, r))
			}
			r = pair
			i += 2
		}
		if r == '\n' {
			line++
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// utf8Text checks that data is UTF-8, as the file says it is by name.
func utf8Text(file, name string, data []byte) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		bad += size
	}
	line := 1 + bytes.Count(data[:bad], []byte("\n"))
	col := bad - bytes.LastIndexByte(data[:bad], '\n')
	return nil, fileerr.At(file, line, col, fmt.Errorf("byte %#02x is not %s, the encoding the file is in: convert the file or name its encoding", data[bad], name))
}

// xmlEncodingRE finds the encoding of an XML declaration.
var xmlEncodingRE = regexp.MustCompile(`^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']`)

// xmlText decodes an XML document in the encoding its declaration names;
// encoding/xml then reads it with xmlDecoder, which takes the declaration
// as said.
func xmlText(file string, data []byte) ([]byte, error) {
	m := xmlEncodingRE.FindSubmatchIndex(data)
	if m == nil {
		return utf8Text(file, "UTF-8", data)
	}
	line := 1 + bytes.Count(data[:m[2]], []byte("\n"))
	col := m[2] - bytes.LastIndexByte(data[:m[2]], '\n')
	return textIn(file, line, col, "the XML declaration's encoding", string(data[m[2]:m[3]]), data)
}

// poText decodes a PO file in the charset its header's Content-Type names.
// gettext writes PO files only in charsets in which the ASCII of the
// keywords and the header reads as ASCII, so the header is read before
// the file is decoded.
func poText(file string, data []byte) ([]byte, error) {
	name, line, col := poCharset(data)
	if name == "" || strings.EqualFold(name, "CHARSET") {
		// No header, or the header of a template xgettext wrote, whose
		// charset is still to fill in.
		return utf8Text(file, "UTF-8", data)
	}
	return textIn(file, line, col, "the header's charset", name, data)
}

// poCharset finds the charset of a PO file: in the header entry, the first
// if its msgid is "", the value of charset= and where it stands.
func poCharset(data []byte) (name string, line, col int) {
	inHeader := false
	for n, l := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(l)
		switch {
		case len(t) == 0 || t[0] == '#':
			if inHeader {
				return "", 0, 0
			}
			continue
		case bytes.HasPrefix(t, []byte("msgid")) || bytes.HasPrefix(t, []byte("msgctxt")):
			if inHeader || !bytes.Equal(bytes.Join(bytes.Fields(t), []byte(" ")), []byte(`msgid ""`)) {
				return "", 0, 0
			}
			inHeader = true
			continue
		}
		if !inHeader {
			return "", 0, 0
		}
		i := bytes.Index(l, []byte("charset="))
		if i < 0 {
			continue
		}
		v := l[i+len("charset="):]
		if end := bytes.IndexAny(v, "\\\"; \t"); end >= 0 {
			v = v[:end]
		}
		return string(v), n + 1, i + len("charset=") + 1
	}
	return "", 0, 0
}

// textIn decodes data in the encoding called name, which what says at
// line and col of the file: UTF-8 is checked, any other is looked up by
// its IANA name, or by the names browsers know (CP1252 and the like).
func textIn(file string, line, col int, what, name string, data []byte) ([]byte, error) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		enc, err = htmlindex.Get(name)
	}
	if err != nil || enc == nil {
		return nil, fileerr.At(file, line, col, fmt.Errorf("%s is %q, an encoding glot does not know", what, name))
	}
	if enc == unicode.UTF8 || enc == unicode.UTF8BOM {
		return utf8Text(file, name, data)
	}
	if !asciiCompatible(enc) {
		// The name was read as ASCII: the file is not in the encoding it
		// names (a UTF-16 file would have had its zero bytes seen).
		return nil, fileerr.At(file, line, col, fmt.Errorf("%s is %q, but the file is not in it: its text reads as ASCII", what, name))
	}
	return strictly(file, name, enc, data)
}

// printableASCII is the ASCII every format glot reads is written in.
const printableASCII = "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// asciiCompatible says whether enc reads ASCII as ASCII, so that the lines
// of the file are those of its text.
func asciiCompatible(enc encoding.Encoding) bool {
	got, err := enc.NewDecoder().String(printableASCII)
	return err == nil && got == printableASCII
}

// strictly decodes data in enc, refusing bytes that are not of it. The
// decoders of x/text write U+FFFD for such bytes; one more U+FFFD in the
// text than the encoding's own bytes for U+FFFD in the file stands for
// them.
func strictly(file, name string, enc encoding.Encoding, data []byte) ([]byte, error) {
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fileerr.At(file, 0, 0, fmt.Errorf("decode %s: %w", name, err))
	}
	replacement := []byte(string(utf8.RuneError))
	found := bytes.Count(text, replacement)
	if found == 0 {
		return text, nil
	}
	written := 0
	if own, err := enc.NewEncoder().Bytes(replacement); err == nil && len(own) > 0 {
		written = bytes.Count(data, own)
	}
	if found == written {
		return text, nil
	}
	i := bytes.Index(text, replacement)
	line := 1 + bytes.Count(text[:i], []byte("\n"))
	return nil, fileerr.At(file, line, 0, errors.New("bytes that are not "+name+", the encoding the file is in: convert the file or name its encoding"))
}
