package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// corpusSite is a folder of real documentation pages, with the extraction
// rules its owner would give glot in glot.toml.
type corpusSite struct {
	name, dir string
	builtIn   bool // one of the corpus's sources, not of $GLOT_CORPUS
	extract   config.Extract
	// Atoms are the macros of other generators that a page's text holds,
	// each read as one atom, as glot.toml's [extract] atoms lists them.
	Atoms []*regexp.Regexp
}

// rules are the extraction rules of the site's glot.toml, with the
// macros of its generator as atoms.
func (s *corpusSite) rules() *segment.Rules {
	cfg := config.Default()
	cfg.Extract = s.extract
	r := cfg.Rules()
	r.Atoms = append(r.Atoms, s.Atoms...)
	return r
}

// params gives each shortcode the parameters translated, the rest of its
// reading Hugo's and glot's defaults.
func params(m map[string][]string) map[string]config.Shortcode {
	out := make(map[string]config.Shortcode, len(m))
	for name, ps := range m {
		out[name] = config.Shortcode{Params: ps}
	}
	return out
}

// mdnMacro is a KumaScript macro of MDN's pages: {{Glossary("HTML")}},
// {{domxref("Element.id", "id")}}, {{Compat}}, {{ EmbedLiveSample('x', 600) }}.
var mdnMacro = regexp.MustCompile(`\{\{\s*[A-Za-z][\w-]*\s*(?:\((?:[^()"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*\))?\s*\}\}`)

// corpusRoot is the folder of the corpus of real pages: the repository's
// testdata/corpus, where the pages SOURCES.md lists are put (git ignores
// them there). Nothing outside the repository is read but what
// $GLOT_CORPUS names.
func corpusRoot() (string, bool) {
	dir := filepath.Join("..", "..", "testdata", "corpus")
	if fi, err := os.Stat(filepath.Join(dir, "kubernetes", "content")); err == nil && fi.IsDir() {
		return dir, true
	}
	return "", false
}

// corpusSites are the corpus's sources, each with the rules of its site,
// and the folders of $GLOT_CORPUS, each with the [extract] section of a
// glot.toml at its root, or glot's defaults.
func corpusSites(t *testing.T) []*corpusSite {
	t.Helper()
	root, ok := corpusRoot()
	if !ok && os.Getenv("GLOT_CORPUS") == "" {
		// The pages are public, but not glot's to commit: they are put
		// in place from the commits SOURCES.md names. make test says so
		// when they are absent, so that the skip is never unseen.
		t.Skip("the real-pages corpus is not in testdata/corpus: testdata/corpus/SOURCES.md says which files of which commits make it; GLOT_CORPUS=DIR runs these checks on any site")
	}
	// Front matter a Hugo site shows: the page's title, its short title in
	// menus, its description.
	hugoFM := []string{"title", "linkTitle", "description"}
	sites := []*corpusSite{
		{name: "kubernetes", builtIn: true, dir: filepath.Join(root, "kubernetes"), extract: config.Extract{
			FrontMatter: hugoFM,
			// The parameters whose values a reader sees as text.
			Shortcodes: params(map[string][]string{
				"glossary_tooltip":    {"text"},
				"glossary_definition": {"prepend"},
				"figure":              {"alt", "title", "caption"},
				"table":               {"caption"},
				"tab":                 {"name"},
				"alert":               {"title"},
				"details":             {"summary"},
				"api-reference":       {"text"},
				"link":                {"text"},
			}),
		}},
		{name: "docsy", builtIn: true, dir: filepath.Join(root, "docsy"), extract: config.Extract{
			FrontMatter: hugoFM,
			Shortcodes: params(map[string][]string{
				"tab":            {"header"},
				"alert":          {"title"},
				"card":           {"header", "title", "subtitle", "footer"},
				"blocks/cover":   {"title"},
				"blocks/feature": {"title"},
				"figure":         {"alt", "title", "caption"},
			}),
		}},
		{name: "mdn", builtIn: true, dir: filepath.Join(root, "mdn"), Atoms: []*regexp.Regexp{mdnMacro}},
	}
	if !ok {
		sites = nil
	}
	if extra := os.Getenv("GLOT_CORPUS"); extra != "" {
		for _, dir := range filepath.SplitList(extra) {
			s := &corpusSite{name: dir, dir: dir, extract: config.Default().Extract}
			if data, err := os.ReadFile(filepath.Join(dir, "glot.toml")); err == nil {
				cfg, err := config.Parse(filepath.Join(dir, "glot.toml"), data)
				if err != nil {
					t.Fatal(err)
				}
				s.extract = cfg.Extract
			} else if !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			sites = append(sites, s)
		}
	}
	return sites
}

// corpusPage is one Markdown file of a corpus site, a page or a fragment
// that pages include, and what each check found wrong with it ("" for
// nothing).
type corpusPage struct {
	site      *corpusSite
	path      string
	identity  string
	structure string
	messages  []string
}

// TestHugoCorpus reads every Markdown file of the corpus (real pages of
// the Kubernetes website, Docsy's user guide and MDN, with the fragments
// they include) and of the folders of $GLOT_CORPUS, as glot reads a Hugo
// site, and checks three things a site owner relies on:
//
//   - identity: the page spliced back with every message's own text is the
//     page, byte for byte, on every page;
//   - structure: its en-XA version renders, in GitHub's cmark-gfm, to the
//     same elements, attributes, link targets and code as the page, on at
//     least 99 % of pages;
//   - messages: no message holds a shortcode's or a macro's syntax, which
//     would hand a translator markup to break.
func TestHugoCorpus(t *testing.T) {
	if _, err := exec.LookPath("cmark-gfm"); err != nil {
		t.Fatal("cmark-gfm is not installed (apt-get install cmark-gfm): the structure check renders each page as GitHub does")
	}
	var pages []*corpusPage
	builtIn := 0
	for _, s := range corpusSites(t) {
		n := len(pages)
		err := filepath.WalkDir(s.dir, func(f string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && f != s.dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			if d.IsDir() || !isMarkdownPage(d.Name()) {
				return nil
			}
			pages = append(pages, &corpusPage{site: s, path: f})
			if s.builtIn {
				builtIn++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) == n {
			t.Errorf("%s: no Markdown page under %s", s.name, s.dir)
		}
	}
	if builtIn < 300 {
		t.Errorf("only %d pages in the corpus, want at least 300", builtIn)
	}

	// A page takes two runs of cmark-gfm: pages are checked side by side.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	for _, p := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p.check()
		}()
	}
	wg.Wait()

	var identity, structure, messages []*corpusPage
	nmsg := 0
	for _, p := range pages {
		if p.identity != "" {
			identity = append(identity, p)
			t.Errorf("%s: identity: %s", p.path, p.identity)
		}
		if p.structure != "" {
			structure = append(structure, p)
			// Up to 1 % of pages may fail this check: the test fails
			// on the share, below, and these lines say which.
			t.Logf("%s: structure: %s", p.path, p.structure)
		}
		if len(p.messages) > 0 {
			messages = append(messages, p)
			nmsg += len(p.messages)
			for _, m := range p.messages {
				t.Errorf("%s: message: %s", p.path, m)
			}
		}
	}
	t.Logf("%d pages: identity fails on %d %s; structure on %d %s; %d messages hold markup, in %d %s",
		len(pages), len(identity), examples(identity), len(structure), examples(structure), nmsg, len(messages), examples(messages))
	if len(identity) > 0 {
		t.Errorf("identity round trip: %d of %d pages come back changed, want none", len(identity), len(pages))
	}
	if ok := len(pages) - len(structure); ok*100 < 99*len(pages) {
		t.Errorf("structure: %d of %d pages (%.1f %%) render unchanged in en-XA, want at least 99 %%", ok, len(pages), 100*float64(ok)/float64(len(pages)))
	}
	if nmsg > 0 {
		t.Errorf("messages: %d messages hold shortcode or macro syntax, want none", nmsg)
	}
}

func isMarkdownPage(name string) bool {
	ext := filepath.Ext(name)
	// A source's licence sits beside its pages.
	return (ext == ".md" || ext == ".markdown") && !strings.HasPrefix(name, "LICENSE")
}

// examples names up to 5 of pages.
func examples(pages []*corpusPage) string {
	if len(pages) == 0 {
		return "pages"
	}
	var names []string
	for i, p := range pages {
		if i == 5 {
			names = append(names, "...")
			break
		}
		names = append(names, p.path)
	}
	return "pages (" + strings.Join(names, ", ") + ")"
}

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
