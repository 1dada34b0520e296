package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// editOnePage returns a preparation that makes a real edit to one page
// before each run, a different page each time: it adds a sentence to the
// first paragraph after the page's title, as an author revising a page
// would. Pages are picked spread over the site, from its regular pages
// (not the sections' _index.md).
func editOnePage(content string, runs int) func(int) error {
	return func(run int) error {
		var pages []string
		err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
				pages = append(pages, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(pages) == 0 {
			return fmt.Errorf("no page to edit in %s", content)
		}
		slices.Sort(pages)
		page := pages[(run+1)*len(pages)/(runs+1)%len(pages)]
		data, err := os.ReadFile(page)
		if err != nil {
			return err
		}
		edited, err := reviseFirstParagraph(string(data), fmt.Sprintf("The team revised this paragraph in review %d.", run+1))
		if err != nil {
			return fmt.Errorf("%s: %w", page, err)
		}
		return os.WriteFile(page, []byte(edited), 0o644)
	}
}

// reviseFirstParagraph adds sentence to the end of the first paragraph
// after the page's "# " heading.
func reviseFirstParagraph(page, sentence string) (string, error) {
	lines := strings.Split(page, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "# ") })
	if i < 0 {
		return "", fmt.Errorf("no heading")
	}
	i++
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
		i++
	}
	if i >= len(lines) {
		return "", fmt.Errorf("no paragraph after the heading")
	}
	lines[i] += " " + sentence
	return strings.Join(lines, "\n"), nil
}
