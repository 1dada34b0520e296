// Command floor renders Markdown pages to HTML with goldmark alone, on every
// core: the least work any build of those pages must do, and so the floor
// glot build is measured against.
//
//	floor -in localized -out floor-public
//
// It reads every .md file under -in (glot's Markdown output, one folder
// per language), drops its front matter, renders it with goldmark configured
// as glot reads pages, and writes P.md as P/index.html under -out, as glot
// build does. Other files are ignored.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

func main() {
	in := flag.String("in", "", "folder of Markdown pages (required)")
	out := flag.String("out", "", "folder to write HTML into (required)")
	workers := flag.Int("j", runtime.NumCPU(), "pages rendered at once")
	flag.Parse()
	if *in == "" || *out == "" || flag.NArg() > 0 || *workers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := renderAll(*in, *out, *workers)
	if err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "floor: %d pages rendered\n", n)
}

// renderAll renders every Markdown page under in into out, with workers
// goroutines, and returns how many it rendered.
func renderAll(in, out string, workers int) (int, error) {
	var pages []string
	err := filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("list pages: %w", err)
	}
	work := make(chan string)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range workers {
		wg.Go(func() {
			r := newRenderer()
			for p := range work {
				if err := r.page(in, out, p); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		})
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	return len(pages), firstErr
}
