// Command gencorpus writes a generated glot site for benchmarks: pages,
// source catalog and the catalogs of every language.
//
//	go run ./bench/cmd/gencorpus -pages 1000 -o /tmp/site
//
// With -content-only it writes glot.toml and content/ alone, for a run of
// glot extract by other means; -translate then writes the languages'
// catalogs from the source catalog that run wrote.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/glot-i18n/glot/bench/corpus"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		pages        = flag.Int("pages", 1000, "Markdown pages to write, section pages included")
		seed         = flag.Uint64("seed", 1, "seed: the same seed writes the same site")
		out          = flag.String("o", "", "the site's folder (required)")
		langs        = flag.String("lang", strings.Join(corpus.Languages, ","), "target languages, comma-separated")
		untranslated = flag.Float64("untranslated", 0, "share of messages, 0 to 1, left untranslated in each language")
		contentOnly  = flag.Bool("content-only", false, "write glot.toml and content/ only")
		translate    = flag.Bool("translate", false, "write the languages' catalogs only, from locales/active.en.toml")
	)
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	o := corpus.Options{Pages: *pages, Seed: *seed, Languages: strings.Split(*langs, ","), Untranslated: *untranslated}
	start := time.Now()
	var err error
	switch {
	case *contentOnly && *translate:
		return fmt.Errorf("-content-only and -translate exclude each other")
	case *contentOnly:
		err = corpus.Content(*out, o)
	case *translate:
		err = corpus.Translate(*out, o)
	default:
		err = corpus.Generate(*out, o)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d pages in %s (%.1f s)\n", *pages, *out, time.Since(start).Seconds())
	return nil
}
