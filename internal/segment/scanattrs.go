package segment

import (
	"bytes"
	"html"
	"strings"
)

// Attr is an attribute of a start tag, with where its value stands.
type Attr struct {
	Name             string // lower case
	Value            string // as the browser reads it: entities decoded
	ValStart, ValEnd int    // where the value is written, quotes excluded; ValStart < 0 when it has none
	Quote            byte   // '"', '\'' or 0
}

// ScanAttrs reads the attributes of the start tag src[start:end], with
// where each value stands, following the HTML tokenizer's rules.
func ScanAttrs(src []byte, start, end int) []Attr {
	i := start + 1
	for i < end && !isTagSpace(src[i]) && src[i] != '/' && src[i] != '>' {
		i++ // the tag name
	}
	var attrs []Attr
	for {
		for i < end && (isTagSpace(src[i]) || src[i] == '/') {
			i++
		}
		if i >= end || src[i] == '>' {
			return attrs
		}
		var a Attr
		a, i = scanAttr(src, i, end)
		attrs = append(attrs, a)
	}
}

// scanAttr reads the attribute whose name starts at src[i], and its value
// if it has one, and returns it with where it ends. A name may start with
// "=", as the tokenizer reads it; a second "=" ends it.
func scanAttr(src []byte, i, end int) (Attr, int) {
	ns := i
	for i < end && !isTagSpace(src[i]) && src[i] != '/' && src[i] != '>' && (src[i] != '=' || i == ns) {
		i++
	}
	a := Attr{Name: strings.ToLower(string(src[ns:i])), ValStart: -1}
	j := skipTagSpace(src, i, end)
	if j >= end || src[j] != '=' {
		return a, i
	}
	i = a.scanValue(src, skipTagSpace(src, j+1, end), end)
	a.Value = html.UnescapeString(string(src[a.ValStart:a.ValEnd]))
	return a, i
}

// scanValue reads the value written at src[j], quoted or not, notes where
// it stands, and returns where it ends. A quote left open runs to the end
// of the tag.
func (a *Attr) scanValue(src []byte, j, end int) int {
	if j < end && (src[j] == '"' || src[j] == '\'') {
		q := src[j]
		k := bytes.IndexByte(src[j+1:end], q)
		if k < 0 {
			k = end - j - 1
		}
		a.Quote, a.ValStart, a.ValEnd = q, j+1, j+1+k
		return min(j+2+k, end)
	}
	k := j
	for k < end && !isTagSpace(src[k]) && src[k] != '>' {
		k++
	}
	a.ValStart, a.ValEnd = j, k
	return k
}

// skipTagSpace returns where the white space from src[i] ends.
func skipTagSpace(src []byte, i, end int) int {
	for i < end && isTagSpace(src[i]) {
		i++
	}
	return i
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
