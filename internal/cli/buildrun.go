package cli

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/site"
	"github.com/glot-i18n/glot/internal/verdict"
)

// buildRun is one glot build: its options, the cache, and glot's own
// hash, which every cache key of the build includes.
type buildRun struct {
	g    *glot
	cfg  *config.Config
	o    *buildOptions
	opts site.Options
	c    *cache.Cache
	self cache.Sum
	// digest names the build's inputs, for the next build to tell
	// whether anything changed; where lists the output folders.
	digest string
	where  []string
}

func runBuild(g *glot, o *buildOptions) error {
	// serve builds again and again: between builds, the catalogs are
	// free to change.
	defer g.releaseRead()
	cfg, err := g.config()
	if err != nil {
		return err
	}
	opts, err := buildFlags(cfg, o)
	if err != nil {
		return err
	}
	if cfg.IsHugo() {
		if err := g.foreignI18n(cfg, builtLangs(cfg, opts)); err != nil {
			return err
		}
	}
	defer g.closeOpen()
	c := g.cache()
	defer c.Close()
	self, err := g.self()
	if err != nil {
		return err
	}
	b := &buildRun{g: g, cfg: cfg, o: o, opts: opts, c: c, self: self}
	done, err := b.upToDate()
	if err != nil || done {
		return err
	}
	if err := b.prepare(); err != nil {
		return err
	}
	sink, err := b.sink()
	if err != nil {
		return err
	}
	rep, err := b.run(sink)
	if err != nil {
		return err
	}
	return b.say(rep, sink)
}

// state names the cache entry of the last build's inputs.
func (b *buildRun) state() string { return "build/state" + shardSuffix(b.opts.Shard) }

// upToDate reports whether the build has nothing to do, having said so:
// nothing it reads changed since the last build, and its outputs are
// where it left them. Otherwise it extracts the pages changed since the
// last extract first, so that the build shows what extract and the
// translations say of the pages as they are, and takes the digest of the
// inputs.
func (b *buildRun) upToDate() (bool, error) {
	g := b.g
	var err error
	if b.digest, err = g.inputs(b.c, b.cfg, b.o, b.self); err != nil {
		return false, err
	}
	g.unextractedSaid, g.extracted, g.unextractedLeft = false, nil, false
	if !b.o.force {
		// A build whose inputs are those of the last one has no page
		// changed since the last extract either: that build's digest
		// was taken once it had extracted them, and it marks a digest
		// with pages it could not extract (below).
		if last, err := os.ReadFile(b.c.Path(b.state())); err == nil && unchanged(g.path(), string(last), b.digest) {
			if g.json {
				return true, g.writeJSON(buildDone{NothingChanged: true, Extracted: g.extracted, Languages: []buildLang{}, Warnings: append([]string{}, g.warnings...)})
			}
			fmt.Fprintf(g.stdout, "glot build: nothing changed since the last build\n")
			return true, nil
		}
	}
	if err := g.extractFirst(b.cfg, "build", false); err != nil {
		return false, err
	}
	if len(g.extracted) > 0 {
		if b.digest, err = g.inputs(b.c, b.cfg, b.o, b.self); err != nil {
			return false, err
		}
	}
	if g.unextractedLeft {
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
	if _, err := os.Stat(b.g.path(b.cfg.LocalesDir, locale.ActivePath(b.cfg.SourceLanguage))); err != nil {
		return nil // nothing extracted, nothing translated
	}
	src, tables, err := b.g.compiled(b.cfg, b.cfg.Languages)
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
	g, cfg := b.g, b.cfg
	if b.o.strict {
		if err := b.compile(); err != nil {
			return err
		}
		if err := g.strict(cfg, b.opts); err != nil {
			return err
		}
	}
	var err error
	if b.opts.Content, err = g.in(cfg.ContentDir); err != nil {
		return err
	}
	if cfg.IsHugo() {
		if b.opts.HugoI18n, err = g.hugoI18n(cfg); err != nil {
			return err
		}
	} else if b.opts.Layouts, err = g.layouts(); err != nil {
		return err
	}
	if err := b.compile(); err != nil {
		return err
	}
	b.opts.Salt = b.self[:]
	contentRel := filepath.ToSlash(cfg.ContentDir)
	b.opts.Hash = func(name string) ([32]byte, error) { return g.hash(contentRel+"/"+name, false) }
	b.opts.Cache = buildCache{b.c}
	return nil
}

// recordName names the cache entry of the files the last build wrote.
func (b *buildRun) recordName() string { return "build/outputs" + shardSuffix(b.opts.Shard) }

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
	if cfg.IsHugo() {
		dirs := []string{path.Clean(cfg.Hugo.I18n)}
		for _, l := range builtLangs(cfg, opts) {
			dirs = append(dirs, path.Clean(cfg.HugoDir(l)))
			b.where = append(b.where, cfg.HugoDir(l)+"/")
		}
		b.where = append(b.where, cfg.Hugo.I18n+"/")
		sink := newDiskSink(b.g.path(), dirs, prev, b.o.force)
		for _, l := range builtLangs(cfg, opts) {
			sink.guarded = append(sink.guarded, path.Clean(cfg.HugoDir(l))+"/")
		}
		return sink, sink.checkOutputs(dirs, nil)
	}
	sink := newDiskSink(b.g.path(), []string{filepath.ToSlash(cfg.OutputDir), filepath.ToSlash(cfg.MarkdownDir)}, prev, b.o.force)
	var outDirs []string
	if opts.HTML {
		outDirs = append(outDirs, path.Clean(filepath.ToSlash(cfg.OutputDir)))
		b.where = append(b.where, cfg.OutputDir+"/")
	}
	if opts.MD {
		outDirs = append(outDirs, path.Clean(filepath.ToSlash(cfg.MarkdownDir)))
		b.where = append(b.where, cfg.MarkdownDir+"/")
	}
	return sink, sink.checkOutputs(outDirs, append(append([]string{cfg.SourceLanguage}, cfg.Languages...), opts.Langs...))
}

// run builds into sink, removes what the last build wrote that this one
// did not, and records what it wrote and what it read. A build that does
// not finish leaves a mark, so that the next one checks every file it
// would keep.
func (b *buildRun) run(sink *diskSink) (*site.Report, error) {
	unfinished := "build/unfinished" + shardSuffix(b.opts.Shard)
	if _, err := os.Stat(b.c.Path(unfinished)); err == nil {
		sink.verify = true
	} else if err := b.c.Put(unfinished, nil); err != nil {
		sink.verify = true // a mark that cannot be left is not trusted either
	}
	bar := b.g.progress("build", "pages")
	b.opts.Progress = bar.set
	rep, err := site.Build(b.opts, sink)
	bar.done()
	if err != nil {
		return nil, err
	}
	next, sweepErr := sink.sweep(rep.InScope)
	// The record is saved even when a stale output could not be removed:
	// what was written is known.
	if err := b.c.Put(b.recordName(), next.encode()); err != nil {
		return nil, err
	}
	if sweepErr != nil {
		return nil, sweepErr
	}
	_ = os.Remove(b.c.Path(unfinished))
	_ = b.c.Put(b.state(), []byte(stateOf(b.g.path(), b.digest, next)))
	return rep, nil
}

// say says what the build did: its warnings, then its files and each
// language's counts, in text or in JSON.
func (b *buildRun) say(rep *site.Report, sink *diskSink) error {
	g, cfg, opts := b.g, b.cfg, b.opts
	for _, w := range rep.Warnings {
		g.warnf("%s", w)
	}
	if g.json {
		return g.writeJSON(b.done(rep, sink))
	}
	fmt.Fprintf(g.stdout, "glot build: %s in %s, %s in %s", plural(rep.Pages, "page"), plural(len(rep.Langs), "language"), plural(rep.Files, "file"), andList(b.where))
	if rep.Kept > 0 {
		fmt.Fprintf(g.stdout, " (%d unchanged)", rep.Kept)
	}
	if opts.Shard.N > 1 {
		fmt.Fprintf(g.stdout, ", shard %s", opts.Shard)
	}
	if cfg.IsHugo() {
		fmt.Fprintf(g.stdout, "; no HTML: this is a Hugo site, which hugo builds")
	}
	fmt.Fprintln(g.stdout)
	for _, l := range rep.Langs {
		if l.Messages == 0 {
			continue
		}
		fmt.Fprintf(g.stdout, "  %s", countsLine(l.Lang, l.Counts, opts.Shard, cfg.SourceLanguage))
		if l.Skipped > 0 && opts.HTML {
			fmt.Fprintf(g.stdout, "; %s below the %d %% threshold left out of %s/", plural(l.Skipped, "page"), cfg.Build.Threshold, cfg.OutputDir)
		}
		if l.Skipped > 0 && cfg.IsHugo() {
			fmt.Fprintf(g.stdout, "; %s below the %d %% threshold left out of %s/, for Hugo to show in %s", plural(l.Skipped, "page"), cfg.Build.Threshold, cfg.HugoDir(l.Lang), cfg.SourceLanguage)
		}
		fmt.Fprintln(g.stdout)
	}
	return nil
}

// done is what the build did, for --format json.
func (b *buildRun) done(rep *site.Report, sink *diskSink) buildDone {
	g := b.g
	done := buildDone{Extracted: g.extracted, Pages: rep.Pages, FilesWritten: rep.Files, FilesKept: rep.Kept, FilesRemoved: sink.removed,
		Languages: []buildLang{}, Warnings: append([]string{}, g.warnings...)}
	if b.opts.Shard.N > 1 {
		done.Shard = b.opts.Shard.String()
	}
	for _, l := range rep.Langs {
		bl := buildLang{Lang: l.Lang, Messages: l.Messages, Translated: l.Translated, Reviewed: l.Reviewed, Stale: l.Stale,
			Missing: l.Missing, Held: l.Held, ShownInSource: l.ShownInSource, ShownStale: l.ShownStale, PagesSkipped: l.Skipped}
		bl.PagesWritten, bl.PagesKept = sink.pages(l.Lang)
		done.Languages = append(done.Languages, bl)
	}
	return done
}
