package project

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/report"
)

// Status is glot status's report of langs (every language when none).
// With html, it also writes the page by page view, whose index is named
// index and laid out as layout says.
func (s *Site) Status(langs []string, html bool, index string, layout report.Layout) (*report.StatusReport, []report.File, error) {
	cfg, langs, err := s.configLangs(langs)
	if err != nil {
		return nil, nil, err
	}
	src, tables, err := s.compiled(cfg, langs)
	if err != nil {
		return nil, nil, err
	}
	st := report.Status(src, tables)
	if !html {
		return st, nil, nil
	}
	// The page by page view needs the pages' records.
	site, err := s.locales(cfg, true)
	if err != nil {
		return nil, nil, err
	}
	files, err := st.HTML(site, tables, report.StatusHTMLOptions{Content: display(s.path(cfg.ContentDir)), Index: index, Layout: layout})
	return st, files, err
}

// DiffOptions are glot diff's.
type DiffOptions struct {
	Langs []string
	// Since, a git revision, limits the report to the messages added or
	// changed since.
	Since string
}

// Diff is glot diff's report: what is missing or stale in each language.
func (s *Site) Diff(o DiffOptions) (*report.Findings, error) {
	cfg, langs, err := s.configLangs(o.Langs)
	if err != nil {
		return nil, err
	}
	opts := report.DiffOptions{ContentName: display(s.path(cfg.ContentDir))}
	if o.Since != "" {
		if opts.Since, err = s.sourceAt(cfg, o.Since); err != nil {
			return nil, err
		}
	}
	src, tables, err := s.compiled(cfg, langs)
	if err != nil {
		return nil, err
	}
	return report.Diff(src, tables, opts)
}

// Review is glot review's report of lang, whose index is named index and
// laid out as layout says; approve, when set, puts a button to approve
// each translation on the page (glot serve's review).
func (s *Site) Review(lang, index string, layout report.Layout, approve *report.ApproveForm) (*report.Review, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	site, l, err := s.oneLang(cfg, "review", lang)
	if err != nil {
		return nil, err
	}
	c, err := s.checker(cfg)
	if err != nil {
		return nil, err
	}
	_, tables, err := s.compiled(cfg, []string{l.Tag})
	if err != nil {
		return nil, err
	}
	if index == "" {
		index = "review." + l.Tag + ".html"
	}
	return report.NewReview(site, tables[0], c, report.ReviewOptions{
		Content: display(s.path(cfg.ContentDir)), Index: index, Layout: layout, Approve: approve}), nil
}

// Check is glot check's report: the translations in force that fail a
// check, and the pages changed since the last glot extract.
func (s *Site) Check(langs []string) (*report.Findings, error) {
	cfg, langs, err := s.configLangs(langs)
	if err != nil {
		return nil, err
	}
	c, err := s.checker(cfg)
	if err != nil {
		return nil, err
	}
	// The pages changed since the last extract are findings here, not
	// a warning.
	s.unextractedSaid = true
	src, tables, err := s.compiled(cfg, langs)
	if err != nil {
		return nil, err
	}
	unextracted, err := s.unextractedFindings(cfg)
	if err != nil {
		return nil, err
	}
	content := display(s.path(cfg.ContentDir))
	memo, err := s.findingsMemo(content)
	if err != nil {
		return nil, err
	}
	r, err := report.Check(src, tables, c, content, memo)
	if err != nil {
		return nil, err
	}
	if len(unextracted) > 0 {
		r.Findings = append(unextracted, r.Findings...)
	}
	return r, nil
}

// findingsMemo keeps the findings of each language in the cache, named by
// what they depend on: the language's compiled table, the glossary, and
// the content folder's name, which they print.
func (s *Site) findingsMemo(content string) (report.Memo, error) {
	glossary, err := s.hash(check.GlossaryFile, true)
	if err != nil {
		return nil, err
	}
	return findingsMemo{s, fmt.Sprintf("%x\x00%s", glossary, content)}, nil
}

type findingsMemo struct {
	s    *Site
	salt string
}

func (m findingsMemo) name(lang string) string {
	k, ok := m.s.tableKeys[lang]
	if !ok {
		return ""
	}
	h := sha256.Sum256([]byte(k + "\x00" + m.salt))
	return fmt.Sprintf("findings/%s_%x", lang, h[:16])
}

func (m findingsMemo) Get(lang string) ([]report.Finding, bool) {
	name := m.name(lang)
	if name == "" {
		return nil, false
	}
	data, err := os.ReadFile(m.s.cache().Path(name))
	if err != nil {
		return nil, false
	}
	var fs []report.Finding
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&fs) != nil {
		return nil, false
	}
	return fs, true
}

func (m findingsMemo) Put(lang string, fs []report.Finding) {
	name := m.name(lang)
	if name == "" {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(fs) == nil && m.s.cache().Put(name, buf.Bytes()) == nil {
		m.s.cache().Prune("findings", lang+"_", path.Base(name))
	}
}

// checker returns the quality checker of the site, with its glossary.
func (s *Site) checker(cfg *config.Config) (*check.Checker, error) {
	gl, err := s.glossary(cfg)
	if err != nil {
		return nil, err
	}
	return check.New(cfg.SourceLanguage, gl), nil
}

// glossary reads the site's glossary once; nil when it has none.
func (s *Site) glossary(cfg *config.Config) (*check.Glossary, error) {
	if s.glossRead {
		return s.gloss, nil
	}
	file := s.path(check.GlossaryFile)
	data, err := s.readFile(check.GlossaryFile)
	if errors.Is(err, os.ErrNotExist) {
		s.glossRead = true
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	gl, err := check.ParseGlossary(display(file), data, append([]string{cfg.SourceLanguage}, cfg.Languages...))
	if err != nil {
		return nil, err
	}
	s.gloss, s.glossRead = gl, true
	return gl, nil
}

// sourceAt reads the ids of the source catalog as it was at git revision
// rev.
func (s *Site) sourceAt(cfg *config.Config, rev string) (map[string]bool, error) {
	file := path.Join(cfg.LocalesDir, locale.ActivePath(cfg.SourceLanguage))
	cmd := exec.Command("git", "-C", s.path(), "show", rev+":./"+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "does not exist") || strings.Contains(msg, "exists on disk, but not in") {
			// The catalog did not exist then: everything is new since.
			return map[string]bool{}, nil
		}
		return nil, &option.Error{Name: "since", Value: rev, Err: fmt.Errorf("git show %s: %s", file, firstLine(msg, err))}
	}
	c, err := catalog.Parse(fmt.Sprintf("%s:%s", rev, file), out)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id := range c.Messages {
		ids[id] = true
	}
	return ids, nil
}

func firstLine(s string, err error) string {
	if s == "" {
		return err.Error()
	}
	return strings.SplitN(s, "\n", 2)[0]
}
