package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// writePo4aConfig writes po4a.cfg into dir: every Markdown page under
// content, read with po4a's text module in its Markdown mode, the title and
// description of the front matter included, as glot extracts them, into one
// POT file, pot/site.pot. It names no language, so po4a writes the POT
// alone: the same work glot extract does.
func writePo4aConfig(dir, content string) error {
	var pages []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list pages for po4a: %w", err)
	}
	slices.Sort(pages)
	var b strings.Builder
	b.WriteString("[po4a_paths] pot/site.pot\n")
	// The pages are UTF-8; po4a would read them as Latin-1.
	b.WriteString("[options] --master-charset UTF-8 --localized-charset UTF-8 opt:\"-o markdown -o yfm_keys=title,description\"\n")
	for _, p := range pages {
		fmt.Fprintf(&b, "[type: text] %s\n", p)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "po4a.cfg"), []byte(b.String()), 0o644)
}

// disclaimerStart begins a paragraph that is on every regular page of the
// corpus, which po4a must have extracted.
const disclaimerStart = "The information on this page is for general education only"

// checkPOT makes sure po4a really extracted the pages' text: the POT has
// about as many entries as glot found messages, and the boilerplate
// paragraph among them. It returns the number of entries.
func checkPOT(path string, messages int) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("po4a wrote no POT: %w", err)
	}
	// The first msgid is the header's, which is empty.
	n := bytes.Count(data, []byte("\nmsgid ")) - 1
	switch {
	case n < messages/2:
		return n, fmt.Errorf("po4a extracted %d entries, glot %d messages: po4a missed the pages' text", n, messages)
	case !bytes.Contains(data, []byte(disclaimerStart)):
		return n, fmt.Errorf("po4a's POT lacks the paragraph that starts %q", disclaimerStart)
	}
	return n, nil
}
