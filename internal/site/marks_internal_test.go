package site

import (
	"bytes"
	"testing"
)

// htmlMarks marks a text on the element it is the whole of, wraps it in
// a span where the element holds more, leaves it where no span can stand,
// lists attributes on their tag, and escapes every id.
func TestHTMLMarks(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		texts, attrs    [][2]string // the text of a span, and its id
	}{
		{"whole element", `<p>Hello</p>`, `<p data-glot-id="a">Hello</p>`, [][2]string{{"Hello", "a"}}, nil},
		{"whole element, spaces around", "<div>\n  Hello\n</div>", "<div data-glot-id=\"a\">\n  Hello\n</div>", [][2]string{{"Hello", "a"}}, nil},
		{"element holds more", `<div>Lead <p>x</p></div>`, `<div><span data-glot-id="a">Lead</span> <p>x</p></div>`, [][2]string{{"Lead", "a"}}, nil},
		{"inline markup inside", `<p>We <em>are</em></p>`, `<p data-glot-id="a">We <em>are</em></p>`, [][2]string{{"We <em>are</em>", "a"}}, nil},
		{"nested element of the same name", `<div>A <div>B</div></div>`, `<div><span data-glot-id="a">A</span> <div data-glot-id="b">B</div></div>`, [][2]string{{"A", "a"}, {"B", "b"}}, nil},
		{"title", `<title>Home</title>`, `<title data-glot-id="a">Home</title>`, [][2]string{{"Home", "a"}}, nil},
		{"part of a textarea", `<textarea>Type <b here</textarea>`, `<textarea>Type <b here</textarea>`, [][2]string{{"Type", "a"}}, nil},
		{"escaped id", `<p>Hi</p>`, `<p data-glot-id="x&#34;&gt;&lt;&amp;">Hi</p>`, [][2]string{{"Hi", `x"><&`}}, nil},
		{"escaped id on a span", `<div>Hi <p>x</p></div>`, `<div><span data-glot-id="&lt;b&gt;">Hi</span> <p>x</p></div>`, [][2]string{{"Hi", "<b>"}}, nil},
		{"attributes", `<img alt="Logo" title="Tip">`, `<img alt="Logo" title="Tip" data-glot-ids="a &lt;b&gt;">`, nil, [][2]string{{"Logo", "a"}, {"Tip", "<b>"}}},
		{"self-closing tag", `<img alt="Logo"/>`, `<img alt="Logo" data-glot-ids="a"/>`, nil, [][2]string{{"Logo", "a"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			find := func(list [][2]string) []idSpan {
				var out []idSpan
				from := 0
				for _, s := range list {
					i := from + bytes.Index(src[from:], []byte(s[0]))
					if i < from {
						t.Fatalf("no %q in %s", s[0], src)
					}
					out = append(out, idSpan{i, i + len(s[0]), s[1]})
					from = i + len(s[0])
				}
				return out
			}
			got := string(editHTML(src, htmlMarks(src, find(c.texts), find(c.attrs)), keepLinks))
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
