package render

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/segment"
)

// corpusSite is a folder of real documentation pages, with the extraction
// rules its owner would give glot in glot.toml.
type corpusSite struct {
	name, dir string
	builtIn   bool // one of the corpus's sources, not of $GLOT_CORPUS
	extract   segment.Extract
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
	r.Atoms = slices.Clone(r.Atoms)
	for _, a := range s.Atoms {
		r.Atoms = append(r.Atoms, a.String())
	}
	return r
}

// params gives each shortcode the parameters translated, the rest of its
// reading Hugo's and glot's defaults.
func params(m map[string][]string) map[string]segment.ShortcodeRule {
	out := make(map[string]segment.ShortcodeRule, len(m))
	for name, ps := range m {
		out[name] = segment.ShortcodeRule{Params: ps}
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
		{name: "kubernetes", builtIn: true, dir: filepath.Join(root, "kubernetes"), extract: segment.Extract{
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
		{name: "docsy", builtIn: true, dir: filepath.Join(root, "docsy"), extract: segment.Extract{
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
	glottest.Slow(t, "it reads and renders every page of the real-pages corpus")
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
