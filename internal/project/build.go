package project

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/site"
	"github.com/glot-i18n/glot/internal/verdict"
)

// BuildOptions are glot build's.
type BuildOptions struct {
	// Langs are the languages to build, the source language and
	// pseudo-languages among them; none means every one.
	Langs []string
	// Formats are the outputs: "html", "md", or both (the default).
	Formats []string
	// FormatsGiven says that Formats was asked for, not the default.
	FormatsGiven bool
	AllowStale   bool   // show a stale translation rather than the source
	Require      string // "reviewed": show only reviewed translations
	Shard        string // "I/N": build only shard I of N of the pages
	Force        bool   // make every output again
	Strict       bool   // fail if a translation would be held back
	// Into, when set, builds the HTML pages alone into this folder of the
	// site instead of glot.toml's output_dir, each element that shows a
	// message marked with its id: glot edit's own copy of the site, which
	// its editor shows. Its cache entries are its own.
	Into string
}

// siteOptions checks the options against the site's configuration, and
// makes the build's.
func (o BuildOptions) siteOptions(cfg *config.Config) (site.Options, error) {
	langs, err := o.langs(cfg)
	if err != nil {
		return site.Options{}, err
	}
	switch o.Require {
	case "", "translated":
	case "reviewed":
		if o.AllowStale {
			return site.Options{}, option.Wrong("require", o.Require, "contradicts allow-stale: a stale translation is not reviewed")
		}
	default:
		return site.Options{}, option.Wrong("require", o.Require, "give reviewed")
	}
	opts := site.Options{Config: cfg, Langs: langs, AllowStale: o.AllowStale, RequireReviewed: o.Require == "reviewed", Rules: cfg.Rules()}
	if err := o.formats(cfg, &opts); err != nil {
		return site.Options{}, err
	}
	if o.Shard != "" {
		s, err := site.ParseShard(o.Shard)
		if err != nil {
			return site.Options{}, &option.Error{Name: "shard", Value: o.Shard, Err: err}
		}
		opts.Shard = s
	}
	return opts, nil
}

// langs are the languages the build is asked for: the source language
// is one of the choices, for it is built too.
func (o BuildOptions) langs(cfg *config.Config) ([]string, error) {
	if len(o.Langs) == 0 {
		return nil, nil
	}
	var langs, targets []string
	for _, f := range o.Langs {
		for _, l := range strings.Split(f, ",") {
			if strings.TrimSpace(l) == cfg.SourceLanguage {
				langs = append(langs, cfg.SourceLanguage)
			} else {
				targets = append(targets, l)
			}
		}
	}
	sel, err := selectLangs(cfg, targets, true)
	if err != nil {
		return nil, err
	}
	if len(targets) > 0 {
		langs = append(langs, sel...)
	}
	if cfg.IsHugo() && slices.Contains(langs, cfg.SourceLanguage) {
		return nil, option.Wrong("lang", cfg.SourceLanguage, fmt.Sprintf("the source language's pages are the site's own, in %s/; glot build writes the other languages'", cfg.ContentDir))
	}
	return langs, nil
}

// formats sets the outputs the build writes. A Hugo site's HTML is
// Hugo's to make, from the Markdown glot writes where Hugo reads it.
func (o BuildOptions) formats(cfg *config.Config, opts *site.Options) error {
	formats := o.Formats
	if len(formats) == 0 {
		formats = []string{"html", "md"}
	}
	for _, f := range formats {
		switch strings.TrimSpace(f) {
		case "html":
			opts.HTML = true
		case "md":
			opts.MD = true
		default:
			return option.Wrong("format", f, "glot build writes html and md")
		}
	}
	if cfg.IsHugo() {
		if opts.HTML && (o.FormatsGiven || !opts.MD) {
			return option.Wrong("format", "html", fmt.Sprintf("glot build writes no HTML in a Hugo site ([hugo] in %s): it writes each language's pages and i18n file, and hugo builds the site", config.File))
		}
		opts.HTML, opts.MD = false, true
	}
	return nil
}

// Counts count a language's messages as glot status does (see
// site.Counts).
type Counts = site.Counts

// Shard is a share of a site's pages (see site.Shard).
type Shard = site.Shard

// Built is what glot build did.
type Built struct {
	Config *config.Config
	// NothingChanged says that nothing the build reads changed since the
	// last build, which built nothing.
	NothingChanged bool
	*site.Report
	Shard Shard
	HTML  bool // HTML pages were built (Markdown ones are, always)
	// Where lists the folders the outputs are in.
	Where []string
	// Removed counts the outputs of the last build that this one
	// removed.
	Removed int
	// Extracted are the pages changed since the last glot extract, which
	// the build extracted first.
	Extracted []string
	sink      *diskSink
}

// PagesOf returns how many pages of lang the build wrote, and how many it
// kept as they were.
func (b *Built) PagesOf(lang string) (written, kept int) { return b.sink.pages(lang) }

// HeldBack is the error of glot build --strict when the build would hold
// back translations: each line names one.
type HeldBack struct{ Lines []string }

func (h *HeldBack) Error() string {
	return fmt.Sprintf("%s held back; nothing built (glot approve releases a translation that is right)", report.Plural(len(h.Lines), "translation"))
}

// buildRun is one glot build: its options, the cache, and glot's own
// hash, which every cache key of the build includes.
type buildRun struct {
	s    *Site
	cfg  *config.Config
	o    BuildOptions
	opts site.Options
	c    *cache.Cache
	self cache.Sum
	// digest names the build's inputs, for the next build to tell
	// whether anything changed.
	digest string
	done   *Built
}

// Build builds every page in every language, making again only what
// changed since the last build (see site.Build).
func (s *Site) Build(o BuildOptions) (*Built, error) {
	// serve builds again and again: between builds, the catalogs are
	// free to change.
	defer s.releaseRead()
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	if o.Into != "" {
		if cfg.IsHugo() {
			return nil, fmt.Errorf("a Hugo site's pages are Hugo's to build ([hugo] in %s): glot edit shows only the pages glot builds", config.File)
		}
		marked := *cfg
		marked.OutputDir, o.Formats, o.FormatsGiven = o.Into, []string{"html"}, true
		cfg = &marked
	}
	opts, err := o.siteOptions(cfg)
	if err != nil {
		return nil, err
	}
	opts.Marks = o.Into != ""
	if cfg.IsHugo() {
		if err := s.foreignI18n(cfg, builtLangs(cfg, opts)); err != nil {
			return nil, err
		}
	}
	defer s.closeOpen()
	c := s.cache()
	defer c.Close()
	self, err := s.self()
	if err != nil {
		return nil, err
	}
	b := &buildRun{s: s, cfg: cfg, o: o, opts: opts, c: c, self: self, done: &Built{Config: cfg, Shard: opts.Shard, HTML: opts.HTML}}
	done, err := b.upToDate()
	if err != nil || done {
		return b.done, err
	}
	if err := b.prepare(); err != nil {
		return nil, err
	}
	sink, err := b.sink()
	if err != nil {
		return nil, err
	}
	if err := b.run(sink); err != nil {
		return nil, err
	}
	return b.done, nil
}

// suffix tells the cache entries of a build apart from another's: a
// shard's, and those of a build into a folder of its own.
func (b *buildRun) suffix() string {
	s := shardSuffix(b.opts.Shard)
	if b.o.Into != "" {
		sum := sha256.Sum256([]byte(b.o.Into))
		s += fmt.Sprintf("-into-%x", sum[:6])
	}
	return s
}

// state names the cache entry of the last build's inputs.
func (b *buildRun) state() string { return "build/state" + b.suffix() }

// upToDate reports whether the build has nothing to do: nothing it reads
// changed since the last build, and its outputs are where it left them.
// Otherwise it extracts the pages changed since the last extract first,
// so that the build shows what extract and the translations say of the
// pages as they are, and takes the digest of the inputs.
func (b *buildRun) upToDate() (bool, error) {
	s := b.s
	var err error
	if b.digest, err = s.inputs(b.c, b.cfg, b.o, b.self); err != nil {
		return false, err
	}
	s.unextractedSaid, s.extracted, s.unextractedLeft = false, nil, false
	if !b.o.Force {
		// A build whose inputs are those of the last one has no page
		// changed since the last extract either: that build's digest
		// was taken once it had extracted them, and it marks a digest
		// with pages it could not extract (below).
		if last, err := os.ReadFile(b.c.Path(b.state())); err == nil && unchanged(s.path(), string(last), b.digest) {
			b.done.NothingChanged = true
			return true, nil
		}
	}
	if err := s.extractFirst(b.cfg, "build", false); err != nil {
		return false, err
	}
	b.done.Extracted = s.extracted
	if len(s.extracted) > 0 {
		if b.digest, err = s.inputs(b.c, b.cfg, b.o, b.self); err != nil {
			return false, err
		}
	}
	if s.unextractedLeft {
		b.digest += " unextracted"
	}
	return false, nil
}

// compile reads the compiled catalogs into the build's options, once:
// --strict reads them before anything is built, and the build after it.
func (b *buildRun) compile() error {
	if b.opts.Tables != nil {
		return nil
	}
	if _, err := os.Stat(b.s.path(b.cfg.LocalesDir, locale.ActivePath(b.cfg.SourceLanguage))); err != nil {
		return nil // nothing extracted, nothing translated
	}
	src, tables, err := b.s.compiled(b.cfg, b.cfg.Languages)
	if err != nil {
		return err
	}
	b.opts.Source, b.opts.Tables = src, map[string]*verdict.Table{}
	for _, t := range tables {
		b.opts.Tables[t.Lang] = t
	}
	return nil
}

// prepare gives the build what it reads: the catalogs (checked first
// with --strict), the content, the layouts (or, in a Hugo site, Hugo's
// i18n files: Hugo's layouts are Hugo's, and the build writes no HTML),
// and the cache.
func (b *buildRun) prepare() error {
	s, cfg := b.s, b.cfg
	if b.o.Strict {
		if err := b.compile(); err != nil {
			return err
		}
		if err := strict(cfg, b.opts); err != nil {
			return err
		}
	}
	var err error
	if b.opts.Content, err = s.in(cfg.ContentDir); err != nil {
		return err
	}
	if cfg.IsHugo() {
		if b.opts.HugoI18n, err = s.hugoI18n(cfg); err != nil {
			return err
		}
	} else if b.opts.Layouts, err = s.layouts(); err != nil {
		return err
	}
	if err := b.compile(); err != nil {
		return err
	}
	b.opts.Salt = b.self[:]
	contentRel := filepath.ToSlash(cfg.ContentDir)
	b.opts.Hash = func(name string) ([32]byte, error) { return s.hash(contentRel+"/"+name, false) }
	b.opts.Cache = buildCache{b.c}
	return nil
}

// recordName names the cache entry of the files the last build wrote.
func (b *buildRun) recordName() string { return "build/outputs" + b.suffix() }

// sink makes what the build writes to: the output folders, checked
// before anything is written (a link in place of an output folder or a
// language's folder is refused), with the record of what the last build
// wrote there. In a Hugo site, those are each language's content folder
// and the i18n folder, and pages written by hand there are kept.
func (b *buildRun) sink() (*diskSink, error) {
	cfg, opts := b.cfg, b.opts
	prev := newRecord()
	if data, err := os.ReadFile(b.c.Path(b.recordName())); err == nil {
		prev = decodeRecord(data)
	}
	where := &b.done.Where
	if cfg.IsHugo() {
		dirs := []string{path.Clean(cfg.Hugo.I18n)}
		for _, l := range builtLangs(cfg, opts) {
			dirs = append(dirs, path.Clean(cfg.HugoDir(l)))
			*where = append(*where, cfg.HugoDir(l)+"/")
		}
		*where = append(*where, cfg.Hugo.I18n+"/")
		sink := newDiskSink(b.s.path(), dirs, prev, b.o.Force)
		for _, l := range builtLangs(cfg, opts) {
			sink.guarded = append(sink.guarded, path.Clean(cfg.HugoDir(l))+"/")
		}
		return sink, sink.checkOutputs(dirs, nil)
	}
	sink := newDiskSink(b.s.path(), []string{filepath.ToSlash(cfg.OutputDir), filepath.ToSlash(cfg.MarkdownDir)}, prev, b.o.Force)
	var outDirs []string
	if opts.HTML {
		outDirs = append(outDirs, path.Clean(filepath.ToSlash(cfg.OutputDir)))
		*where = append(*where, cfg.OutputDir+"/")
	}
	if opts.MD {
		outDirs = append(outDirs, path.Clean(filepath.ToSlash(cfg.MarkdownDir)))
		*where = append(*where, cfg.MarkdownDir+"/")
	}
	return sink, sink.checkOutputs(outDirs, append(append([]string{cfg.SourceLanguage}, cfg.Languages...), opts.Langs...))
}

// run builds into sink, removes what the last build wrote that this one
// did not, and records what it wrote and what it read. A build that does
// not finish leaves a mark, so that the next one checks every file it
// would keep.
func (b *buildRun) run(sink *diskSink) error {
	unfinished := "build/unfinished" + b.suffix()
	if _, err := os.Stat(b.c.Path(unfinished)); err == nil {
		sink.verify = true
	} else if err := b.c.Put(unfinished, nil); err != nil {
		sink.verify = true // a mark that cannot be left is not trusted either
	}
	bar := b.s.progress("build", "pages")
	b.opts.Progress = bar.Set
	rep, err := site.Build(b.opts, sink)
	bar.Done()
	if err != nil {
		return err
	}
	next, sweepErr := sink.sweep(rep.InScope)
	// The record is saved even when a stale output could not be removed:
	// what was written is known.
	if err := b.c.Put(b.recordName(), next.encode()); err != nil {
		return err
	}
	if sweepErr != nil {
		return sweepErr
	}
	_ = os.Remove(b.c.Path(unfinished))
	_ = b.c.Put(b.state(), []byte(stateOf(b.s.path(), b.digest, next)))
	b.done.Report, b.done.sink, b.done.Removed = rep, sink, sink.removed
	return nil
}

// builtLangs are the languages a Hugo site's build writes: those asked
// for, or every target language.
func builtLangs(cfg *config.Config, opts site.Options) []string {
	if len(opts.Langs) > 0 {
		return opts.Langs
	}
	return cfg.Languages
}

func shardSuffix(s site.Shard) string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("-%d-of-%d", s.I, s.N)
}

// strict fails with HeldBack, naming each one, if a build under opts
// would hold back a translation of the languages it builds: glot build
// --strict. It reads the tables the build is given.
func strict(cfg *config.Config, opts site.Options) error {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = cfg.Languages
	}
	policy := verdict.Policy{AllowStale: opts.AllowStale, RequireReviewed: opts.RequireReviewed}
	src, held := opts.Source, &HeldBack{}
	for _, l := range langs {
		t := opts.Tables[l]
		if t == nil {
			continue // the source language, a pseudo-language, or nothing extracted
		}
		var idx []int
		for i := range src.IDs() {
			if t.HoldsBack(i, policy) {
				idx = append(idx, i)
			}
		}
		ms, err := src.Messages(idx)
		if err != nil {
			return err
		}
		for k, e := range t.Entries(idx) {
			if p := e.Problem(policy); p != nil {
				where := ""
				if ms[k].Page != "" {
					where = fmt.Sprintf("%s:%d: ", path.Join(cfg.ContentDir, ms[k].Page), ms[k].Line)
				}
				held.Lines = append(held.Lines, fmt.Sprintf("%s%s: message %s: held back: %s", where, t.Lang, ms[k].ID, p))
			}
		}
		if err := t.Err(); err != nil {
			return err
		}
	}
	if len(held.Lines) > 0 {
		return held
	}
	return nil
}
