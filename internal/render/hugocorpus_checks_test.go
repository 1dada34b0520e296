package render

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/segment"
)

// ownText gives every segment its own text.
type ownText map[string]string

func (o ownText) Lookup(id string) (string, bool) { s, ok := o[id]; return s, ok }

// markupInMessage is syntax that is markup to Hugo or to another
// generator, never text for a translator: Hugo's shortcode delimiters, and
// template actions and macros, {{ ... }} and {% ... %}.
var markupInMessage = regexp.MustCompile(`\{\{[<%]|[>%]\}\}|\{\{.*?\}\}|\{%.*?%\}`)

// check runs the three checks on the page.
func (p *corpusPage) check() {
	src, err := os.ReadFile(p.path)
	if err != nil {
		p.identity = err.Error()
		return
	}
	seg, err := segmentSafely(src, p.site.rules())
	if err != nil {
		p.identity = "not read: " + err.Error()
		p.structure = p.identity
		return
	}
	segs := seg.Segments

	own := ownText{}
	for _, s := range segs {
		own[s.ID] = s.Text
	}
	out, fb, err := spliceSafely(src, segs, own)
	switch {
	case err != nil:
		p.identity = err.Error()
	case len(fb) > 0:
		p.identity = fmt.Sprintf("%d segments kept their source text: %s", len(fb), fb[0].Reason)
	default:
		p.identity = firstDifference(src, out)
	}
	if p.identity == "" {
		p.identity = spliceable(segs)
	}

	for _, s := range segs {
		if m := markupInMessage.FindString(s.Text); m != "" {
			p.messages = append(p.messages, fmt.Sprintf("%d:%d (%s) holds %q: %q", s.Line, s.Col, s.Kind, clipText(m, 60), clipText(s.Text, 120)))
			continue
		}
		for _, a := range p.site.Atoms {
			if m := a.FindString(s.Text); m != "" {
				p.messages = append(p.messages, fmt.Sprintf("%d:%d (%s) holds %q: %q", s.Line, s.Col, s.Kind, clipText(m, 60), clipText(s.Text, 120)))
				break
			}
		}
	}

	xa := pseudoTr{}
	for _, s := range segs {
		xa[s.ID] = pseudo.Translate("en-XA", s.Text)
	}
	pseudoOut, fb, err := spliceSafely(src, segs, xa)
	switch {
	case err != nil:
		p.structure = err.Error()
		return
	case len(fb) > 0:
		p.structure = fmt.Sprintf("translation refused for %d segments: %s", len(fb), fb[0].Reason)
		return
	}
	want, got, problem := neutralBodies(src, pseudoOut, p.site.Atoms)
	if problem != "" {
		p.structure = problem
		return
	}
	wantHTML, err := cmarkPage(want)
	if err != nil {
		p.structure = err.Error()
		return
	}
	gotHTML, err := cmarkPage(got)
	if err != nil {
		p.structure = err.Error()
		return
	}
	p.structure = structureProblem(wantHTML, gotHTML)
}

// structureProblem is sameStructure, which lists every element of both
// sides when their numbers differ: it says where they first part instead.
func structureProblem(want, got string) string {
	problem := sameStructure(want, got)
	if problem == "" {
		return ""
	}
	w, err1 := outline(want)
	g, err2 := outline(got)
	if err1 != nil || err2 != nil || len(w.elems) == len(g.elems) {
		return problem
	}
	i := 0
	for i < len(w.elems) && i < len(g.elems) && w.elems[i] == g.elems[i] {
		i++
	}
	return fmt.Sprintf("%d elements, want %d: from element %d, want %s, got %s", len(g.elems), len(w.elems), i, window(w.elems, i), window(g.elems, i))
}

// window is up to 4 elements of elems from i.
func window(elems []string, i int) string {
	end := min(i+4, len(elems))
	var parts []string
	for _, e := range elems[i:end] {
		parts = append(parts, clipText(e, 80))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// segmentSafely is segment.Markdown with a panic turned into an error, so
// that one page that breaks the segmenter is reported as such and the
// others are still checked.
func segmentSafely(src []byte, r *segment.Rules) (p *segment.Page, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("segmenter panicked: %v", v)
		}
	}()
	return segment.Markdown(src, r)
}

// spliceSafely is Splice, a panic turned into an error: segments that
// overlap without nesting make the splice cut the page wrong.
func spliceSafely(src []byte, segs []segment.Segment, tr Translator) (out []byte, fb []Fallback, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("splice panicked: %v", v)
		}
	}()
	out, fb = Splice(src, segs, tr)
	return out, fb, nil
}

// spliceable says why a translation of segs could not be spliced into the
// page, or returns "". The identity splice copies the page's bytes around
// what it cannot place, so it alone would not show it: two segments must
// be apart, or one must lie inside the other's markup (an image's alt text
// in its paragraph, a link's title, a shortcode's parameter), where a
// translation of the outer one carries it; a segment inside the outer
// one's text would be dropped with that text.
func spliceable(segs []segment.Segment) string {
	var stack []*segment.Segment
	for i := range segs {
		s := &segs[i]
		for len(stack) > 0 && stack[len(stack)-1].End <= s.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			stack = append(stack, s)
			continue
		}
		outer := stack[len(stack)-1]
		if s.End > outer.End {
			return fmt.Sprintf("%d:%d: the %s segment %q overlaps the %s segment at %d:%d %q", s.Line, s.Col, s.Kind, clipText(s.Text, 40), outer.Kind, outer.Line, outer.Col, clipText(outer.Text, 40))
		}
		inMarkup := false
		for _, c := range outer.Codes {
			if c.Pos >= 0 && c.Pos <= s.Start && s.End <= c.Pos+len(c.Open) || c.ClosePos >= 0 && c.ClosePos <= s.Start && s.End <= c.ClosePos+len(c.Close) {
				inMarkup = true
				break
			}
		}
		if !inMarkup {
			return fmt.Sprintf("%d:%d: the %s segment %q lies in the text of the %s segment at %d:%d %q, not in its markup", s.Line, s.Col, s.Kind, clipText(s.Text, 40), outer.Kind, outer.Line, outer.Col, clipText(outer.Text, 40))
		}
		stack = append(stack, s)
	}
	return ""
}

// firstDifference says where got first differs from want, by line and
// column of want, or returns "".
func firstDifference(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	line := 1 + bytes.Count(want[:i], []byte("\n"))
	col := i - bytes.LastIndexByte(want[:i], '\n')
	return fmt.Sprintf("%d:%d: the page has %q, the round trip %q (%d bytes, want %d)",
		line, col, clipText(string(want[i:]), 40), clipText(string(got[i:]), 40), len(got), len(want))
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// TestHugoCorpusChecks shows that each check of TestHugoCorpus fails where
// it should: on segments a splice could not place, on shortcodes that a
// translation changed, and on markup in a message; and that what Hugo
// reads as markup is left out of the structure compared.
func TestHugoCorpusChecks(t *testing.T) {
	page := "Text ![alt](a.png) more text.\n"
	para := segment.Segment{Kind: "p", Text: "Text <1/> more text.", Start: 0, End: 29, Codes: []segment.Code{{Kind: "image", Open: "![alt](a.png)", Atom: true, Pos: 5, ClosePos: -1}}}
	for _, tc := range []struct {
		name string
		segs []segment.Segment
		want string // what the problem says, or "" for none
	}{
		{"apart", []segment.Segment{{Start: 0, End: 4}, {Start: 5, End: 9}}, ""},
		{"in the markup", []segment.Segment{para, {Kind: "alt", Start: 7, End: 10}}, ""},
		{"in the text", []segment.Segment{para, {Kind: "alt", Start: 20, End: 24}}, "lies in the text of the p segment"},
		{"overlapping", []segment.Segment{para, {Kind: "alt", Start: 20, End: 40}}, "overlaps the p segment"},
	} {
		t.Run("spliceable/"+tc.name, func(t *testing.T) {
			got := spliceable(tc.segs)
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("spliceable(%s) = %q, want %q", page, got, tc.want)
			}
		})
	}

	for _, tc := range []struct {
		name, src, out string
		want, got      string // the bodies to render
		problem        string // or what neutralBodies says is wrong
	}{
		{name: "an opaque pair left as it was is one token",
			src:  "---\ntitle: T\n---\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\nSee {{Glossary(\"HTML\")}}.\n",
			out:  "---\ntitle: \"Ţ\"\n---\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\nŜéé {{Glossary(\"HTML\")}}.\n",
			want: "¤\nSee ¤.\n", got: "¤\nŜéé ¤.\n"},
		{name: "a translated pair keeps its inside",
			src:  "{{< note >}}\nRead it.\n{{< /note >}}\n",
			out:  "{{< note >}}\nŔéåđ îţ.\n{{< /note >}}\n",
			want: "¤\nRead it.\n¤\n", got: "¤\nŔéåđ îţ.\n¤\n"},
		{name: "a Markdown pair keeps its inside, a parameter may change",
			src:  "{{% alert title=\"Note\" %}}\nRead it.\n{{% /alert %}}\n",
			out:  "{{% alert title=\"Ñöţé\" %}}\nRead it.\n{{% /alert %}}\n",
			want: "¤\nRead it.\n¤\n", got: "¤\nRead it.\n¤\n"},
		{name: "a tag the translation changed",
			src:     "{{< tab name=\"a\" >}}x{{< /tab >}}\n",
			out:     "{{< ţåƀ name=\"a\" >}}x{{< /tab >}}\n",
			problem: "the shortcodes differ"},
	} {
		t.Run("neutralBodies/"+tc.name, func(t *testing.T) {
			want, got, problem := neutralBodies([]byte(tc.src), []byte(tc.out), []*regexp.Regexp{mdnMacro})
			switch {
			case tc.problem != "" || problem != "":
				if tc.problem == "" || !strings.Contains(problem, tc.problem) {
					t.Errorf("problem %q, want %q", problem, tc.problem)
				}
			case string(want) != tc.want || string(got) != tc.got:
				t.Errorf("bodies %q and %q, want %q and %q", want, got, tc.want, tc.got)
			}
		})
	}

	for text, markup := range map[string]bool{
		"Use <1/> to run <2>the job</2>.":          false,
		"Costs 100 % {or less}.":                   false,
		`{{< note >}} Read it.`:                    true,
		`Read it. {{% /note %}}`:                   true,
		`Read it >}}`:                              true,
		`See {{Glossary("HTML")}}.`:                true,
		`See {{ domxref("Element.id", "id") }}.`:   true,
		`{% include "a.md" %} and more`:            true,
		`The {{ .Title }} of the page`:             true,
		`Run <1/> {{- end -}} when the loop stops`: true,
	} {
		if got := markupInMessage.MatchString(text); got != markup {
			t.Errorf("markup in %q: %v, want %v", text, got, markup)
		}
	}
}
