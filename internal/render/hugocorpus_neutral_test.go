package render

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// neutralToken stands for a shortcode or a macro in a page rendered for the
// structure check: a word to Markdown, with no letter that pseudo-
// localization would have changed.
const neutralToken = "¤"

// neutralBodies returns the bodies of a page and of its en-XA version, front
// matter left out, with every shortcode tag and every macro replaced by a
// neutral token, so that a Markdown renderer sees a word where Hugo or
// another generator sees markup. The inside of a {{< >}} pair is the
// shortcode's, not Markdown, by Hugo's rule: where the translation left
// it as it was, the pair and all it holds are one token; where the
// translation changed it, it is rendered as Markdown on both sides, so that
// what was translated must keep its structure. It returns a problem
// instead when the two bodies do not hold the same shortcodes.
func neutralBodies(src, out []byte, atoms []*regexp.Regexp) (want, got []byte, problem string) {
	srcFM, _ := content.SplitFrontMatter(src)
	outFM, _ := content.SplitFrontMatter(out)
	a, b := src[srcFM.Body:], out[outFM.Body:]
	sa, sb := shortcode.Find(a), shortcode.Find(b)
	if shortcodeTags(sa) != shortcodeTags(sb) {
		return nil, nil, fmt.Sprintf("the shortcodes differ:\n  page  %s\n  en-XA %s", shortcodeTags(sa), shortcodeTags(sb))
	}
	var ra, rb []span
	for i := 0; i < len(sa); i++ {
		if s := sa[i]; s.Delim == '<' && s.Paired() {
			as, ae, _ := shortcode.Inner(sa, i)
			bs, be, _ := shortcode.Inner(sb, i)
			if bytes.Equal(a[as:ae], b[bs:be]) {
				ra = append(ra, span{s.Start, sa[s.Partner].End})
				rb = append(rb, span{sb[i].Start, sb[sb[i].Partner].End})
				i = s.Partner
				continue
			}
		}
		ra = append(ra, span{sa[i].Start, sa[i].End})
		rb = append(rb, span{sb[i].Start, sb[i].End})
	}
	return neutralize(a, ra, atoms), neutralize(b, rb, atoms), ""
}

type span struct{ start, end int }

// shortcodeTags lists the tags of scs as Hugo's syntax names them.
func shortcodeTags(scs []shortcode.Shortcode) string {
	var b strings.Builder
	for _, s := range scs {
		open, closer := "{{"+string(s.Delim), string(s.Delim)+"}}"
		if s.Delim == '<' {
			closer = ">}}"
		}
		slash := ""
		if s.Closing {
			slash = "/"
		}
		if s.Comment {
			fmt.Fprintf(&b, "%s/* %s%s */%s ", open, slash, s.Name, closer)
		} else {
			fmt.Fprintf(&b, "%s %s%s %s ", open, slash, s.Name, closer)
		}
	}
	return b.String()
}

// neutralize replaces spans (in order, not overlapping), and the matches
// of atoms outside them, with neutralToken.
func neutralize(body []byte, spans []span, atoms []*regexp.Regexp) []byte {
	for _, a := range atoms {
		for _, m := range a.FindAllIndex(body, -1) {
			k := sort.Search(len(spans), func(k int) bool { return spans[k].end > m[0] })
			if k == len(spans) || spans[k].start >= m[1] {
				spans = append(spans, span{m[0], m[1]})
				sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
			}
		}
	}
	var out []byte
	last := 0
	for _, s := range spans {
		out = append(out, body[last:s.start]...)
		out = append(out, neutralToken...)
		last = s.end
	}
	return append(out, body[last:]...)
}

// cmarkPage renders Markdown as GitHub does: its extensions, footnotes as
// glot reads them, and raw HTML as it is, whose elements count too.
func cmarkPage(md []byte) (string, error) {
	cmd := exec.Command("cmark-gfm", "--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tasklist", "-e", "footnotes")
	cmd.Stdin = bytes.NewReader(md)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("cmark-gfm: %v: %s", err, stderr.String())
	}
	return string(out), nil
}
