// Package shortcode reads Hugo shortcodes in a page's text as Hugo reads
// them: {{< name params >}} and {{% name params %}}, their closing tags
// {{< /name >}}, self-closing tags {{< name />}}, and the comment form
// {{</* name */>}}, which Hugo prints as written ({{< name >}}) rather
// than running. A tag may span lines; its parameters are positional or
// named, each a bare word, a "quoted string" (with \" and \\ escapes) or a
// `raw string`.
//
// Find lists every tag of a text in order and pairs each opening tag with
// the closing tag of the same name that closes it, innermost first, as
// Hugo nests them. What a pair holds is the shortcode's inner content:
// Hugo renders the inside of {{% %}} as Markdown and hands the inside of
// {{< >}} to the shortcode as it is, and readers of this package follow
// that rule (see Inner).
//
//	for _, sc := range shortcode.Find(src) {
//		fmt.Println(sc.Name, sc.Get("alt"))
//	}
package shortcode

import (
	"bytes"
	"strings"
)

// Param is a parameter of a shortcode's opening tag.
type Param struct {
	Name  string // "" for a positional parameter
	Value string // unquoted, its escapes resolved
	// Start and End are where the value's text is in the source, its
	// quotes left out.
	Start, End int
	Quote      byte // '"', '`', or 0 for a bare word
}

// Shortcode is one tag.
type Shortcode struct {
	Start, End  int // the tag, from {{ to }}
	Name        string
	Delim       byte // '<' for {{< >}}, '%' for {{% %}}
	Closing     bool // {{< /name >}}
	SelfClosing bool // {{< name />}}
	// Comment is the form {{</* name */>}}, which Hugo prints as the
	// shortcode it holds ({{< name >}}) and never runs or pairs.
	Comment bool
	Params  []Param
	// Partner is the index, in what Find returned, of the tag that closes
	// an opening tag, or that a closing tag closes; -1 for none.
	Partner int
}

// Get returns the value of the named parameter, or of the positional one
// whose position (from 0) name gives as a number.
func (s *Shortcode) Get(name string) (string, bool) {
	for _, p := range s.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	n := 0
	for _, c := range name {
		if c < '0' || c > '9' {
			return "", false
		}
		n = n*10 + int(c-'0')
	}
	if name == "" {
		return "", false
	}
	for _, p := range s.Params {
		if p.Name == "" {
			if n == 0 {
				return p.Value, true
			}
			n--
		}
	}
	return "", false
}

// Paired reports whether s is an opening tag with a closing one.
func (s *Shortcode) Paired() bool { return !s.Closing && s.Partner >= 0 }

// Inner returns where the inner content of the pair that opening tag i of
// scs opens lies in the source: from the end of the opening tag to the
// start of the closing one; ok is false for a tag that opens no pair.
func Inner(scs []Shortcode, i int) (start, end int, ok bool) {
	s := scs[i]
	if !s.Paired() {
		return 0, 0, false
	}
	return s.End, scs[s.Partner].Start, true
}

// Find lists the shortcode tags of src, in order, with their pairs. Text
// that starts like a tag but is not one (no name, no end) is text.
func Find(src []byte) []Shortcode {
	var scs []Shortcode
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		at := i + j
		if at+2 < len(src) && (src[at+2] == '<' || src[at+2] == '%') {
			if sc, ok := parse(src, at); ok {
				scs = append(scs, sc)
				i = sc.End
				continue
			}
		}
		// The next tag may start at the second brace: "{{{< x >}}".
		i = at + 1
	}
	pair(scs)
	return scs
}

// pair pairs opening and closing tags by name, innermost first. A closing
// tag that closes nothing stays alone, as does an opening tag that nothing
// closes (a shortcode that takes no inner content).
func pair(scs []Shortcode) {
	var stack []int
	open := map[string]int{} // how many of the stack have each name
	for i := range scs {
		scs[i].Partner = -1
		s := &scs[i]
		switch {
		case s.Comment || s.SelfClosing:
		case !s.Closing:
			stack = append(stack, i)
			open[s.Name]++
		case open[s.Name] > 0:
			// Tags opened inside this pair and never closed take no
			// inner content: they leave the stack with it.
			for k := len(stack) - 1; k >= 0; k-- {
				o := stack[k]
				open[scs[o].Name]--
				if scs[o].Name == s.Name {
					scs[o].Partner, s.Partner = i, o
					stack = stack[:k]
					break
				}
			}
		}
	}
}

// parse reads the tag that starts at src[at:] ("{{<" or "{{%").
func parse(src []byte, at int) (Shortcode, bool) {
	sc := Shortcode{Start: at, Delim: src[at+2], Partner: -1}
	closer := "%}}"
	if sc.Delim == '<' {
		closer = ">}}"
	}
	i := skipSpace(src, at+3)
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		// {{</* ... */>}}: the end is the first "*/" followed by the
		// closer, whatever is between.
		end := bytes.Index(src[i+2:], []byte("*/"))
		for end >= 0 {
			k := skipSpace(src, i+2+end+2)
			if bytes.HasPrefix(src[k:], []byte(closer)) {
				sc.Comment, sc.End = true, k+len(closer)
				inner := src[i+2 : i+2+end]
				n := skipSpace(inner, 0)
				if n < len(inner) && inner[n] == '/' {
					n = skipSpace(inner, n+1)
				}
				m := n
				for m < len(inner) && isNameByte(inner[m]) {
					m++
				}
				sc.Name = string(inner[n:m])
				return sc, true
			}
			next := bytes.Index(src[i+2+end+2:], []byte("*/"))
			if next < 0 {
				break
			}
			end += 2 + next
		}
		return sc, false
	}
	if i < len(src) && src[i] == '/' {
		sc.Closing = true
		i = skipSpace(src, i+1)
	}
	n := i
	for i < len(src) && isNameByte(src[i]) && !(src[i] == '/' && bytes.HasPrefix(src[i+1:], []byte(closer))) {
		i++
	}
	if i == n {
		return sc, false
	}
	sc.Name = string(src[n:i])
	for {
		i = skipSpace(src, i)
		switch {
		case i >= len(src):
			return sc, false
		case bytes.HasPrefix(src[i:], []byte(closer)):
			sc.End = i + len(closer)
			return sc, true
		case src[i] == '/' && bytes.HasPrefix(src[skipSpace(src, i+1):], []byte(closer)):
			sc.SelfClosing = true
			sc.End = skipSpace(src, i+1) + len(closer)
			return sc, !sc.Closing
		case sc.Closing:
			return sc, false // a closing tag takes no parameters
		}
		p, next, ok := param(src, i, closer)
		if !ok {
			return sc, false
		}
		sc.Params = append(sc.Params, p)
		i = next
	}
}

// param reads a parameter at src[i:]: name=value or a positional value.
func param(src []byte, i int, closer string) (Param, int, bool) {
	// A name is a word followed by "=", spaces allowed around it.
	n := i
	for n < len(src) && isNameByte(src[n]) && src[n] != '/' && src[n] != '.' {
		n++
	}
	var p Param
	if n > i {
		if k := skipSpace(src, n); k < len(src) && src[k] == '=' {
			p.Name = string(src[i:n])
			i = skipSpace(src, k+1)
		}
	}
	if i >= len(src) {
		return p, i, false
	}
	switch q := src[i]; q {
	case '"':
		var b strings.Builder
		for k := i + 1; k < len(src); k++ {
			switch src[k] {
			case '\\':
				if k+1 < len(src) {
					k++
					b.WriteByte(src[k])
				}
			case '"':
				p.Value, p.Start, p.End, p.Quote = b.String(), i+1, k, q
				return p, k + 1, true
			default:
				b.WriteByte(src[k])
			}
		}
		return p, i, false
	case '`':
		k := bytes.IndexByte(src[i+1:], '`')
		if k < 0 {
			return p, i, false
		}
		p.Value, p.Start, p.End, p.Quote = string(src[i+1:i+1+k]), i+1, i+1+k, q
		return p, i + 1 + k + 1, true
	}
	// A bare word ends at space or at the closer.
	k := i
	for k < len(src) && !isSpace(src[k]) && !bytes.HasPrefix(src[k:], []byte(closer)) && !bytes.HasPrefix(src[k:], []byte("/"+closer)) {
		k++
	}
	if k == i {
		return p, i, false
	}
	p.Value, p.Start, p.End = string(src[i:k]), i, k
	return p, k, true
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

// Mask returns a copy of src in which every byte of every tag of scs is a
// letter, but line breaks, which stay: a Markdown or HTML parser then
// reads a word where Hugo reads a tag, over the same lines, and no byte
// moves.
func Mask(src []byte, scs []Shortcode) []byte {
	out := append([]byte(nil), src...)
	for _, s := range scs {
		for i := s.Start; i < s.End; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = 'x'
			}
		}
	}
	return out
}
