package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/report"
)

// Pages changed since the last glot extract: every command that reads the
// catalogs asks extract.Since, and says what it found in its own way.
// build and merge extract first, for extract is deterministic and never
// loses a translation; status, diff, review and export warn on standard
// error; check reports each page as an error, so that CI fails.

// unextracted returns the pages added, changed or removed since the last
// glot extract. A page's hash comes from the cache's index of files, so
// that when nothing changed no page is read.
func (s *Site) unextracted(cfg *config.Config) (*extract.Changes, error) {
	contentFS, err := s.in(cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	localesFS, err := s.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	exclude, err := content.NewExclude(cfg.Content.Exclude)
	if err != nil {
		return nil, err
	}
	recorded, err := s.recorded(cfg, localesFS)
	if err != nil {
		return nil, err
	}
	contentRel := filepath.ToSlash(cfg.ContentDir)
	c, err := extract.Since(extract.ChangesInput{
		Content: contentFS, Locales: localesFS, LocalesName: display(s.path(cfg.LocalesDir)), Exclude: exclude,
		Hash:     func(name string) ([32]byte, error) { return s.hash(contentRel+"/"+name, false) },
		Recorded: recorded,
	})
	if errors.Is(err, fs.ErrNotExist) {
		return &extract.Changes{}, nil // no content folder: the command says so itself
	}
	return c, err
}

// recorded returns the page hashes extract recorded (see
// ledger.LoadHashes), kept in the cache under the key of the compiled
// source, which names the content of every record: reading tens of
// thousands of records took most of the time of a status run again.
func (s *Site) recorded(cfg *config.Config, localesFS fs.FS) (map[string]string, error) {
	name := display(s.path(cfg.LocalesDir))
	key := s.srcKey
	if key == "" {
		self, err := s.self()
		if err != nil {
			return nil, err
		}
		// Not kept in s.srcKey: an extraction may change it before
		// the source is compiled.
		if key, err = s.sourceKey(cfg, localesFS, self); err != nil {
			return nil, err
		}
	}
	c := s.cache()
	entry := "extracted/" + key
	if data, err := os.ReadFile(c.Path(entry)); err == nil {
		if m, ok := decodeHashes(data); ok {
			return m, nil
		}
	}
	m, err := ledger.LoadHashes(localesFS, name)
	if err != nil {
		return nil, err
	}
	if c.Put(entry, encodeHashes(m)) == nil {
		c.Prune("extracted", "", path.Base(entry))
	}
	return m, nil
}

// encodeHashes writes the recorded hashes as lines of page, NUL, hash;
// decodeHashes reads them back.
func encodeHashes(m map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString("glotHSH1\n")
	for _, p := range slices.Sorted(maps.Keys(m)) {
		b.WriteString(p + "\x00" + m[p] + "\n")
	}
	return b.Bytes()
}

func decodeHashes(data []byte) (map[string]string, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("glotHSH1\n"))
	if !ok {
		return nil, false
	}
	m := map[string]string{}
	for len(rest) > 0 {
		line, more, found := bytes.Cut(rest, []byte("\n"))
		p, h, ok := bytes.Cut(line, []byte("\x00"))
		if !found || !ok {
			return nil, false
		}
		m[string(p)] = string(h)
		rest = more
	}
	return m, true
}

// pageList names the pages of c as the user knows them, at most ten, with
// what became of each: "content/a.md (changed), content/b.md (added)".
func (s *Site) pageList(cfg *config.Config, c *extract.Changes) string {
	pages := c.Pages()
	var names []string
	for i, p := range pages {
		if i == 10 && !s.hooks.Verbose {
			names = append(names, fmt.Sprintf("and %d more (-v lists them)", len(pages)-i))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s)", path.Join(filepath.ToSlash(cfg.ContentDir), p), c.What(p)))
	}
	return strings.Join(names, ", ")
}

// sayUnextracted warns on standard error of the pages changed since the
// last glot extract, naming them and the command to run, unless the
// command has dealt with them itself. Every command that reads the
// compiled catalogs calls it (see compiled).
func (s *Site) sayUnextracted(cfg *config.Config) error {
	if s.unextractedSaid {
		return nil
	}
	s.unextractedSaid = true
	c, err := s.unextracted(cfg)
	if err != nil || c.Len() == 0 {
		return err
	}
	s.unextractedLeft = true
	s.warnf("%s changed since the last glot extract, so the catalogs do not hold what %s now: %s; run glot extract",
		report.Plural(c.Len(), "page"), map[bool]string{true: "it holds", false: "they hold"}[c.Len() == 1], s.pageList(cfg, c))
	return nil
}

// extractFirst runs glot extract before command cmd (build, merge) when
// pages changed since the last one, and says so. It warns instead when it
// cannot write: with dryRun, or in a locales folder the user cannot
// write. A build takes the write lock for the extraction only; a merge
// holds it already.
func (s *Site) extractFirst(cfg *config.Config, cmd string, dryRun bool) error {
	if s.unextractedSaid {
		return nil
	}
	c, err := s.unextracted(cfg)
	if err != nil || c.Len() == 0 {
		s.unextractedSaid = err == nil
		return err
	}
	if dryRun {
		return s.sayUnextracted(cfg)
	}
	mine := s.wlock == nil
	if mine && s.rlock != nil {
		// A build read its inputs' digest under the read lock; the
		// extraction needs the catalogs to itself, and the build reads
		// them again after it.
		s.releaseRead()
	}
	if err := s.lockWrite(cfg, false); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return s.sayUnextracted(cfg)
		}
		return err
	}
	// Under the lock, what changed is known for sure.
	if c, err = s.unextracted(cfg); err != nil {
		return err
	}
	contentFS, err := s.in(cfg.ContentDir)
	if err != nil {
		return err
	}
	// An error is the page's own, which the build would meet too.
	res, err := s.extract(cfg, contentFS)
	if err != nil {
		return err
	}
	if err := s.wlock.Apply(res.Plan); err != nil {
		return err
	}
	if mine {
		s.wlock.Release()
		s.wlock = nil
	}
	s.unextractedSaid = true
	for _, p := range c.Pages() {
		s.extracted = append(s.extracted, path.Join(filepath.ToSlash(cfg.ContentDir), p))
	}
	if c.Len() > 0 {
		s.sayf("glot %s: %s changed since the last extract; extracted first: %s", cmd, report.Plural(c.Len(), "page"), s.pageList(cfg, c))
	}
	return nil
}

// unextractedFindings are glot check's findings for the pages changed
// since the last glot extract (see report.Unextracted).
func (s *Site) unextractedFindings(cfg *config.Config) ([]report.Finding, error) {
	c, err := s.unextracted(cfg)
	if err != nil {
		return nil, err
	}
	return report.Unextracted(cfg.SourceLanguage, filepath.ToSlash(cfg.ContentDir), c), nil
}
