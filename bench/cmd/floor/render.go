package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// renderer renders pages one at a time; each goroutine has its own, with
// its own buffer.
type renderer struct {
	md  goldmark.Markdown
	buf bytes.Buffer
}

// newRenderer configures goldmark as glot reads and renders pages:
// CommonMark with GitHub's extensions (tables, strikethrough, autolinks,
// task lists), footnotes and heading ids, and raw HTML kept. It is written
// out here rather than taken from glot so that the floor stays the same
// whatever glot's internals become.
func newRenderer() *renderer {
	return &renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)}
}

// page renders the Markdown page at path p, under folder in, to its place
// under folder out.
func (r *renderer) page(in, out, p string) error {
	src, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("read page: %w", err)
	}
	rel, err := filepath.Rel(in, p)
	if err != nil {
		return fmt.Errorf("page path: %w", err)
	}
	lang, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	r.buf.Reset()
	fmt.Fprintf(&r.buf, "<!DOCTYPE html>\n<html lang=%q>\n<meta charset=\"utf-8\">\n<main>\n", lang)
	if err := r.md.Convert(body(src), &r.buf); err != nil {
		return fmt.Errorf("render %s: %w", p, err)
	}
	r.buf.WriteString("</main>\n</html>\n")
	dst := filepath.Join(out, htmlPath(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	if err := os.WriteFile(dst, r.buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write page: %w", err)
	}
	return nil
}

// htmlPath is where glot build writes the HTML of Markdown page rel:
// P.md as P/index.html, and a folder's index.md or _index.md as its
// index.html.
func htmlPath(rel string) string {
	dir, name := filepath.Split(rel)
	stem := strings.TrimSuffix(name, ".md")
	if stem == "index" || stem == "_index" {
		return filepath.Join(dir, "index.html")
	}
	return filepath.Join(dir, stem, "index.html")
}

// body returns src without its YAML ("---") or TOML ("+++") front matter.
func body(src []byte) []byte {
	for _, fence := range []string{"---", "+++"} {
		open := fence + "\n"
		if !bytes.HasPrefix(src, []byte(open)) {
			continue
		}
		rest := src[len(open):]
		if i := bytes.Index(rest, []byte("\n"+fence+"\n")); i >= 0 {
			return rest[i+len(fence)+2:]
		}
	}
	return src
}
