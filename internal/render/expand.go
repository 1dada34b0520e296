package render

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// Templates are a site's own shortcode templates (layouts/shortcodes/
// NAME.html), in the language of the page being built. They are the site
// owner's code, as its layouts are.
type Templates interface {
	Has(name string) bool
	Execute(w io.Writer, name string, data any) error
}

// HTMLPage is what the shortcodes of a page see of it, and what the build
// tells Render about it.
type HTMLPage struct {
	// File names the page in errors ("content/a.md"); Source is its body
	// in the source language and FirstLine the line of File that Source
	// starts on, to say on which line a shortcode that fails is.
	File      string
	Source    []byte
	FirstLine int
	Title     string
	Lang      string
	Params    map[string]any // the front matter, as shown in Lang
	Templates Templates      // nil: the built-in shortcodes only
	// Ref returns the URL of the page that target names (a path relative
	// to this page, or to the content folder when it starts with "/"), in
	// language lang ("" for this page's): relative to this page, or
	// absolute with abs.
	Ref func(target, lang string, abs bool) (string, error)
	// Link returns a link of the page's Markdown as the built page links
	// it: to a page or asset of the site, rewritten as the page's own
	// Markdown links are.
	Link func(url string) string
	// Translated are the ranges of the body that hold translated text.
	// The inner content of a {{< >}} pair is raw HTML to its template;
	// translated text in it is escaped first, for a translation is
	// untrusted and only Markdown, which escapes it, may read it as markup.
	Translated [][2]int
}

// Render writes d as HTML, running its shortcodes for page p.
func (m *Markdown) Render(d *Doc, p *HTMLPage) ([]byte, error) {
	return m.render(d, p, 0)
}

// HTML is Parse and Render in one.
func (m *Markdown) HTML(body []byte, p *HTMLPage) ([]byte, error) {
	return m.Render(m.Parse(body), p)
}

// render is Render, for a Doc that is the part of the page's body that
// starts at base.
func (m *Markdown) render(d *Doc, p *HTMLPage, base int) ([]byte, error) {
	if p == nil {
		p = &HTMLPage{}
	}
	var buf bytes.Buffer
	if err := m.md.Renderer().Render(&buf, d.Src, d.Root); err != nil {
		return nil, err
	}
	if len(d.scs) == 0 {
		return buf.Bytes(), nil
	}
	r := &run{m: m, d: d, p: p, base: base, done: map[int]string{}, ctxs: map[int]*scContext{}}
	return r.assemble(buf.Bytes())
}

// run is the rendering of one Doc.
type run struct {
	m    *Markdown
	d    *Doc
	p    *HTMLPage
	base int
	done map[int]string // the output of each tag that stands alone
	ctxs map[int]*scContext
	view *PageView
	errs []error
}

// frame is a {{% %}} pair being gathered: the HTML of its inner content,
// and the <p> tag its opening tag came after, if any.
type frame struct {
	n    int
	out  []byte
	open string
}

// assemble replaces the stand-ins of out, goldmark's HTML, by the outputs
// of their shortcodes, innermost first: the output of a {{% %}} pair is
// its template run with the HTML between its stand-ins.
func (r *run) assemble(out []byte) ([]byte, error) {
	d := r.d
	prefix := []byte(d.prefix)
	stack := []*frame{{n: -1, out: make([]byte, 0, len(out))}}
	i := 0
	for {
		top := stack[len(stack)-1]
		j := bytes.Index(out[i:], prefix)
		if j < 0 {
			top.out = append(top.out, out[i:]...)
			break
		}
		at := i + j
		n, _, size := readStandIn(out[at:], d.prefix)
		if size == 0 || n >= len(d.scs) {
			top.out = append(top.out, out[i:at+len(prefix)]...)
			i = at + len(prefix)
			continue
		}
		top.out = append(top.out, out[i:at]...)
		i = at + size
		switch d.role[n] {
		case roleOpen:
			f := &frame{n: n}
			top.out, f.open = cutParagraphStart(top.out)
			stack = append(stack, f)
		case roleClose:
			k := slices.IndexFunc(stack, func(f *frame) bool { return f.n == d.scs[n].Partner })
			if k < 0 {
				continue // its opening tag was left out of the HTML, and so is it
			}
			for len(stack)-1 > k {
				r.flush(&stack)
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			html := r.exec(f.n, template.HTML(f.out))
			i = r.put(stack[len(stack)-1], f.open, html, out, i)
		default:
			html, ok := r.done[n]
			if !ok {
				html = r.exec(n, "")
				r.done[n] = html
			}
			var open string
			top.out, open = cutParagraphStart(top.out)
			i = r.put(top, open, html, out, i)
		}
	}
	for len(stack) > 1 {
		r.flush(&stack)
	}
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return stack[0].out, nil
}

// flush ends the innermost pair being gathered, whose closing tag's
// stand-in is not in goldmark's HTML: what it gathered is its inner
// content.
func (r *run) flush(stack *[]*frame) {
	s := *stack
	f := s[len(s)-1]
	*stack = s[:len(s)-1]
	parent := s[len(s)-2]
	parent.out = append(parent.out, f.open...)
	parent.out = append(parent.out, r.exec(f.n, template.HTML(f.out))...)
}

// put appends a shortcode's output to f. open is the <p> start tag it came
// after, cut from f's output: when out[i:], what follows it, is the end
// of that paragraph, the output takes the paragraph's place (with a <div>
// for the attributes the paragraph had, its lang say); else the tag goes
// back. It returns where the HTML after the shortcode starts.
func (r *run) put(f *frame, open, html string, out []byte, i int) int {
	if open == "" || !bytes.HasPrefix(out[i:], []byte("</p>")) {
		f.out = append(f.out, open...)
		f.out = append(f.out, html...)
		return i
	}
	if attrs := open[len("<p") : len(open)-1]; attrs != "" {
		html = "<div" + attrs + ">" + html + "</div>"
	}
	f.out = append(f.out, html...)
	return i + len("</p>")
}

// cutParagraphStart cuts a <p> start tag, with or without attributes,
// from the end of b, and returns it.
func cutParagraphStart(b []byte) ([]byte, string) {
	if !bytes.HasSuffix(b, []byte(">")) {
		return b, ""
	}
	k := bytes.LastIndex(b, []byte("<p"))
	if k < 0 {
		return b, ""
	}
	tag := b[k:]
	if len(tag) > 3 && (tag[2] != ' ' || bytes.ContainsAny(tag[2:len(tag)-1], "<>")) {
		return b, ""
	}
	return b[:k], string(tag)
}

// exec runs tag n with inner content inner and returns its output. An
// error is kept for assemble to return, so that every shortcode of the
// page that fails is named at once.
func (r *run) exec(n int, inner template.HTML) string {
	out, err := r.execErr(n, inner)
	if err != nil {
		r.errs = append(r.errs, r.errAt(n, err))
	}
	return out
}

func (r *run) execErr(n int, inner template.HTML) (string, error) {
	s := &r.d.scs[n]
	switch {
	case s.Comment:
		return html.EscapeString(commentText(r.d.body[s.Start:s.End])), nil
	case s.Closing:
		return "", fmt.Errorf("%s closes no shortcode", r.d.body[s.Start:s.End])
	case s.Delim == '<' && s.Paired():
		var err error
		if inner, err = r.rawInner(n); err != nil {
			return "", err
		}
	}
	c := r.context(n)
	c.inner = inner
	if t := r.p.Templates; t != nil && t.Has(s.Name) {
		var b strings.Builder
		if err := t.Execute(&b, s.Name, c); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	if f, ok := builtins[s.Name]; ok {
		return f(c)
	}
	return "", errNoTemplate(s.Name)
}

func errNoTemplate(name string) error {
	return fmt.Errorf("shortcode %q has no template: glot's HTML build runs layouts/shortcodes/%s.html, or one of its own (%s)", name, name, strings.Join(builtinNames(), ", "))
}

// rawInner is the inner content of {{< >}} pair n: its raw text, with the
// shortcodes in it run and the translated text in it escaped.
func (r *run) rawInner(n int) (template.HTML, error) {
	scs := r.d.scs
	s := scs[n]
	var b strings.Builder
	last := s.End
	for k := n + 1; k < s.Partner; k++ {
		t := scs[k]
		if t.Start < last {
			continue
		}
		b.WriteString(r.text(last, t.Start))
		last = t.End
		if t.Paired() {
			last = scs[t.Partner].End
		}
		var inner template.HTML
		if t.Delim == '%' && t.Paired() {
			// Markdown inside raw text: a page of its own.
			sub := r.m.Parse(r.d.body[t.End:scs[t.Partner].Start])
			html, err := r.m.render(sub, r.p, r.base+t.End)
			if err != nil {
				return "", err
			}
			inner = template.HTML(html)
			if !aloneOnLine(r.d.body, t) {
				// Inline Markdown: one paragraph, without its <p>.
				inner = template.HTML(unwrapParagraph(string(html)))
			}
		}
		out, err := r.execErr(k, inner)
		if err != nil {
			return "", r.errAt(k, err)
		}
		b.WriteString(out)
	}
	b.WriteString(r.text(last, scs[s.Partner].Start))
	return template.HTML(b.String()), nil
}

// text is body[start:end], its translated text escaped as HTML.
func (r *run) text(start, end int) string {
	var b strings.Builder
	for _, t := range r.p.Translated {
		ts, te := max(t[0]-r.base, start), min(t[1]-r.base, end)
		if ts >= te {
			continue
		}
		b.Write(r.d.body[start:ts])
		b.WriteString(html.EscapeString(string(r.d.body[ts:te])))
		start = te
	}
	b.Write(r.d.body[start:end])
	return b.String()
}

// context returns the template data of tag n.
func (r *run) context(n int) *scContext {
	if c, ok := r.ctxs[n]; ok {
		return c
	}
	if r.view == nil {
		r.view = newPageView(r.p)
	}
	c := &scContext{tag: &r.d.scs[n], page: r.view, ordinal: r.d.ordinal[n]}
	if p := r.d.parent[n]; p >= 0 {
		c.parent = r.context(p)
	}
	r.ctxs[n] = c
	return c
}

// errAt places err at the line of the page where tag n is: the line of
// the same tag in the source, or of the first of its name, for a
// translation may have moved it.
func (r *run) errAt(n int, err error) error {
	var fe *fileerr.Error
	if errors.As(err, &fe) {
		return err
	}
	s := r.d.scs[n]
	err = fmt.Errorf("shortcode %s: %w", s.Name, err)
	src, first := r.p.Source, r.p.FirstLine
	at := -1
	if src != nil {
		if at = bytes.Index(src, r.d.body[s.Start:s.End]); at < 0 {
			for _, t := range shortcode.Find(src) {
				if t.Name == s.Name {
					at = t.Start
					break
				}
			}
		}
	}
	if at < 0 {
		src, at, first = r.d.body, s.Start, 1
	}
	return fileerr.At(r.p.File, first+bytes.Count(src[:at], []byte("\n")), 0, err)
}

// commentText is what Hugo prints for the comment form {{</* x */>}}: the
// tag without its "/*" and "*/", {{< x >}}.
func commentText(tag []byte) string {
	s := string(tag)
	if i := strings.Index(s, "/*"); i >= 0 {
		s = s[:i] + s[i+2:]
	}
	if i := strings.LastIndex(s, "*/"); i >= 0 {
		s = s[:i] + s[i+2:]
	}
	return s
}
