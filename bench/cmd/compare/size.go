package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/glot-i18n/glot/bench/corpus"
	"github.com/glot-i18n/glot/bench/hugosite"
	"github.com/glot-i18n/glot/bench/internal/files"
	"github.com/glot-i18n/glot/internal/catalog"
)

// sizeReport is what one corpus size gave.
type sizeReport struct {
	Pages     int `json:"pages"`
	Languages int `json:"languages"` // the source language included
	Messages  int `json:"messages"`  // in the source catalog
	// GenerateSeconds is how long writing the corpus took: pages, glot
	// extract and the catalogs of every language.
	GenerateSeconds float64 `json:"generate_s"`
	Po4aEntries     int     `json:"po4a_entries"` // msgids in po4a's POT
	Rows            []row   `json:"rows"`
}

// hugoKB is about the peak memory of Hugo 0.111 building 1,000 generated
// pages in 9 languages; it grows in proportion to the pages.
const hugoKB = 2200 << 10

// folders are where one size's copies of the site live, each for one tool.
type folders struct {
	root, site, extract, merge, mergeLocales, hugo, floorOut, po4a, logs string
}

func newFolders(work string, pages int) folders {
	root := filepath.Join(work, strconv.Itoa(pages))
	return folders{
		root:         root,
		site:         filepath.Join(root, "site"),
		extract:      filepath.Join(root, "extract"),
		merge:        filepath.Join(root, "merge"),
		mergeLocales: filepath.Join(root, "merge-locales"),
		hugo:         filepath.Join(root, "hugo"),
		floorOut:     filepath.Join(root, "floor-public"),
		po4a:         filepath.Join(root, "po4a"),
		logs:         filepath.Join(root, "logs"),
	}
}

// size measures every piece of work on a corpus of the given number of
// pages.
func (b *bench) size(pages int) (*sizeReport, error) {
	f := newFolders(b.work, pages)
	if err := os.MkdirAll(f.logs, 0o755); err != nil {
		return nil, err
	}
	t := &timer{logs: f.logs, progress: b.progress}
	rep := &sizeReport{Pages: pages, Languages: 1 + len(corpus.Languages)}
	o := corpus.Options{Pages: pages, Seed: b.seed}

	b.progress("%s pages: generating the corpus", thousands(pages))
	start := time.Now()
	if err := corpus.Content(f.site, o); err != nil {
		return nil, err
	}
	if err := b.glotOnce(f.site, "extract"); err != nil {
		return nil, err
	}
	if err := corpus.Translate(f.site, o); err != nil {
		return nil, err
	}
	rep.GenerateSeconds = time.Since(start).Seconds()
	var err error
	if rep.Messages, err = countMessages(f.site); err != nil {
		return nil, err
	}
	b.progress("  %d pages, %d messages, in %s", pages, rep.Messages, seconds(rep.GenerateSeconds))
	if err := b.copies(f, o); err != nil {
		return nil, err
	}

	// A first build writes the Markdown that Hugo and the floor are given;
	// it also brings the corpus into the file cache for every tool alike.
	b.progress("  first glot build, for Hugo's and the floor's input")
	if err := b.glotOnce(f.site, "build"); err != nil {
		return nil, err
	}
	if err := hugosite.Write(f.hugo, filepath.Join(f.site, "localized"), corpus.SourceLanguage, corpus.Languages, corpus.BaseURL); err != nil {
		return nil, err
	}
	if err := writePo4aConfig(f.po4a, filepath.Join(f.extract, "content")); err != nil {
		return nil, err
	}

	b.progress("  build from scratch: glot, Hugo and the goldmark floor in turn")
	glotBuild := b.glot("glot build", f.site, "build")
	glotBuild.prepare = removing(f.site, "public", "localized", ".glot-cache")
	hugo := &command{name: "hugo", dir: f.hugo, argv: []string{"hugo"}, prepare: removing(f.hugo, "public", "resources"), mayFail: true}
	floor := &command{name: "floor", dir: f.root, argv: []string{b.floorBin, "-in", filepath.Join(f.hugo, "content"), "-out", f.floorOut},
		prepare: removing(f.root, filepath.Base(f.floorOut)), mayFail: true}
	// glot writes every page twice, as HTML and as Markdown; Hugo and
	// the floor write HTML only. glot writing only HTML is timed too, for
	// the same output as theirs.
	glotHTML := b.glot("glot build html", f.site, "build", "--format", "html")
	glotHTML.prepare = glotBuild.prepare
	cmds := []*command{glotBuild, glotHTML, hugo, floor}
	// Hugo holds the whole site in memory. Rather than start it where it
	// would exhaust the machine's memory, and the machine with it, say so.
	hugoSkipped := ""
	if need, have := hugoKB*int64(pages)/1000, availableKB(); have > 0 && need > have && !b.hugoAnyway {
		hugoSkipped = fmt.Sprintf("not run: needs about %s, %s available (-hugo-anyway)", memory(need), memory(have))
		b.progress("  Hugo %s", hugoSkipped)
		cmds = []*command{glotBuild, glotHTML, floor}
	}
	builds, err := t.alternate(b.runs, cmds...)
	if err != nil {
		return nil, err
	}
	if hugoSkipped != "" {
		builds = []*measurement{builds[0], builds[1], {Failed: hugoSkipped}, builds[2]}
	}

	// The last build timed may have been the HTML-only one: the builds
	// below start from a whole one.
	if err := b.glotOnce(f.site, "build"); err != nil {
		return nil, err
	}
	b.progress("  build with nothing changed")
	nochange, err := t.alternate(b.runs, b.glot("glot build nochange", f.site, "build"))
	if err != nil {
		return nil, err
	}
	b.progress("  build after a one-page edit")
	edit := b.glot("glot build edit", f.site, "build")
	edit.prepare = editOnePage(filepath.Join(f.site, "content"), b.runs)
	edited, err := t.alternate(b.runs, edit)
	if err != nil {
		return nil, err
	}

	b.progress("  extract from scratch: glot and po4a in turn")
	glotExtract := b.glot("glot extract", f.extract, "extract")
	glotExtract.prepare = removing(f.extract, "locales", ".glot-cache")
	po4a := &command{name: "po4a", dir: f.po4a, argv: []string{"po4a", "--no-translations", "po4a.cfg"}, prepare: removing(f.po4a, "pot"), mayFail: true}
	po4a.prepare = chain(po4a.prepare, func(int) error { return os.MkdirAll(filepath.Join(f.po4a, "pot"), 0o755) })
	extracts, err := t.alternate(b.runs, glotExtract, po4a)
	if err != nil {
		return nil, err
	}
	if extracts[1].Failed == "" {
		if rep.Po4aEntries, err = checkPOT(filepath.Join(f.po4a, "pot", "site.pot"), rep.Messages); err != nil {
			return nil, err
		}
	}

	b.progress("  merge, %d %% of the messages left to translate", int(b.untranslated*100+0.5))
	merge := b.glot("glot merge", f.merge, "merge")
	merge.prepare = func(r int) error {
		if err := removing(f.merge, "locales", ".glot-cache")(r); err != nil {
			return err
		}
		return files.CopyTree(f.mergeLocales, filepath.Join(f.merge, "locales"))
	}
	merges, err := t.alternate(b.runs, merge)
	if err != nil {
		return nil, err
	}

	// The reports read the catalogs through glot's cache, .glot-cache/:
	// they are timed without it, as in CI on a fresh clone or first after
	// a merge, and again with it, as when run a second time.
	b.progress("  status, diff and check in turn, with no cache")
	reports := func(suffix string, prepare func(int) error) []*command {
		status := b.glot("glot status"+suffix, f.merge, "status")
		diff := b.glot("glot diff"+suffix, f.merge, "diff")
		check := b.glot("glot check"+suffix, f.merge, "check")
		diff.anyExit, check.anyExit = true, true
		for _, c := range []*command{status, diff, check} {
			c.prepare = prepare
		}
		return []*command{status, diff, check}
	}
	cold, err := t.alternate(b.runs, reports(" cold", removing(f.merge, ".glot-cache"))...)
	if err != nil {
		return nil, err
	}
	b.progress("  status, diff and check in turn, run again")
	again := reports(" again", nil)
	for _, c := range again {
		// One untimed run of each fills the cache for the timed ones.
		if _, _, _, err := t.once(c, -1); err != nil {
			return nil, err
		}
	}
	warm, err := t.alternate(b.runs, again...)
	if err != nil {
		return nil, err
	}

	rep.Rows = rows(pages, results{
		build: builds[0], buildHTML: builds[1], hugo: builds[2], floor: builds[3],
		extract: extracts[0], po4a: extracts[1],
		merge:      merges[0],
		statusCold: cold[0], diffCold: cold[1], checkCold: cold[2],
		status: warm[0], diff: warm[1], check: warm[2],
		nochange: nochange[0], edit: edited[0],
	})
	return rep, nil
}

// copies makes the copies of the generated site that extract and merge
// work on, before any build writes output into it: extract gets the pages
// alone; merge gets catalogs with a share of messages left untranslated,
// kept aside so that every run of merge starts from them.
func (b *bench) copies(f folders, o corpus.Options) error {
	config, err := os.ReadFile(filepath.Join(f.site, "glot.toml"))
	if err != nil {
		return err
	}
	for _, dst := range []string{f.extract, f.merge} {
		if err := files.CopyTree(filepath.Join(f.site, "content"), filepath.Join(dst, "content")); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "glot.toml"), config, 0o644); err != nil {
			return err
		}
	}
	if err := files.CopyTree(filepath.Join(f.site, "locales"), filepath.Join(f.merge, "locales")); err != nil {
		return err
	}
	o.Untranslated = b.untranslated
	if err := corpus.Translate(f.merge, o); err != nil {
		return err
	}
	return files.CopyTree(filepath.Join(f.merge, "locales"), f.mergeLocales)
}

// glot returns a glot command to time, run in dir.
func (b *bench) glot(name, dir string, args ...string) *command {
	argv := []string{b.glotBin}
	if b.quiet {
		argv = append(argv, "-q")
	}
	return &command{name: name, dir: dir, argv: append(argv, args...)}
}

// glotOnce runs glot in dir, untimed, its output going to the logs.
func (b *bench) glotOnce(dir string, args ...string) error {
	cmd := exec.Command(b.glotBin, append([]string{"-C", dir}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("glot %v: %w\n%s", args, err, lastLines(string(out), 15))
	}
	return nil
}

// countMessages counts the messages of the site's source catalog.
func countMessages(site string) (int, error) {
	path := filepath.Join(site, "locales", "active."+corpus.SourceLanguage+".toml")
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	c, err := catalog.Parse(path, data)
	if err != nil {
		return 0, err
	}
	return len(c.Messages), nil
}

// removing returns a preparation that removes the named folders of dir,
// so that the tool starts from scratch.
func removing(dir string, names ...string) func(int) error {
	return func(int) error {
		for _, n := range names {
			if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
		return nil
	}
}

func chain(fs ...func(int) error) func(int) error {
	return func(r int) error {
		for _, f := range fs {
			if err := f(r); err != nil {
				return err
			}
		}
		return nil
	}
}
