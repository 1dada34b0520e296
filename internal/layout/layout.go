// Package layout owns the layouts pages are put into: glot's default,
// embedded in the binary, or a site's own in layouts/; and their interface
// text (the menu label, the notices, "Reading time: 3 minutes"), which are
// go-i18n messages defined in ui.toml and called from the templates as
//
//	{{t "ui-reading-time" .ReadingTime}}
//
// glot extract takes the messages the templates call into the site's
// source catalog, so that they are translated, counted and checked like any
// page text; the build resolves them through go-i18n's Localizer, with each
// language's plural forms.
//
//	set, err := layout.Load(os.DirFS("layouts"))
//	ids := set.Used()
package layout

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/glot-i18n/glot/internal/catalog"
)

//go:embed default/*.html default/ui.toml
var defaults embed.FS

// Names are the templates of a layout.
var Names = []string{"page.html", "index.html"}

// UIFile is the file of a layout's interface messages.
const UIFile = "ui.toml"

// ShortcodeDir is the folder of a layout's shortcode templates: the
// template of {{< name >}} is shortcodes/name.html, which glot's HTML
// build runs as Hugo would.
const ShortcodeDir = "shortcodes"

// Set is a loaded layout: the text of its templates, and its interface
// messages.
type Set struct {
	// Templates holds the page templates (Names) and the shortcode
	// templates, "shortcodes/name.html".
	Templates map[string]string // name -> text
	Files     map[string]string // name -> where it was read, for errors
	Messages  *catalog.Catalog  // the interface messages, in the source language
}

// Load reads the site's layouts folder (nil when it has none); each file it
// does not have is glot's default.
func Load(site fs.FS) (*Set, error) {
	s := &Set{Templates: map[string]string{}, Files: map[string]string{}}
	read := func(name string) ([]byte, string, error) {
		if site != nil {
			data, err := fs.ReadFile(site, name)
			if err == nil {
				return data, "layouts/" + name, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, "", err
			}
		}
		data, err := fs.ReadFile(defaults, "default/"+name)
		return data, "glot's default layout " + name, err
	}
	for _, n := range Names {
		data, file, err := read(n)
		if err != nil {
			return nil, err
		}
		s.Templates[n], s.Files[n] = string(data), file
	}
	if err := s.loadShortcodes(site); err != nil {
		return nil, err
	}
	data, file, err := read(UIFile)
	if err != nil {
		return nil, err
	}
	if s.Messages, err = catalog.Parse(file, data); err != nil {
		return nil, err
	}
	for _, id := range s.Used() {
		if s.Messages.Messages[id] == nil {
			return nil, fmt.Errorf("%s calls the message %q, which %s does not define", s.usedIn(id), id, file)
		}
	}
	return s, nil
}

// loadShortcodes reads the site's shortcode templates, in folders or not.
func (s *Set) loadShortcodes(site fs.FS) error {
	if site == nil {
		return nil
	}
	err := fs.WalkDir(site, ShortcodeDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		s.Templates[p], s.Files[p] = string(data), "layouts/"+p
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Shortcode returns the name of the template of shortcode name, if the
// layout has one.
func (s *Set) Shortcode(name string) (string, bool) {
	t := ShortcodeDir + "/" + name + ".html"
	_, ok := s.Templates[t]
	return t, ok
}

// Shortcodes returns the names of the shortcode templates, sorted.
func (s *Set) Shortcodes() []string {
	var out []string
	for n := range s.Templates {
		if strings.HasPrefix(n, ShortcodeDir+"/") {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// Interface returns the interface messages the templates call, sorted by
// id: what glot extract adds to the source catalog.
func (s *Set) Interface() []*catalog.Message {
	var out []*catalog.Message
	for _, id := range s.Used() {
		out = append(out, s.Messages.Messages[id])
	}
	return out
}

// Used returns the ids of the interface messages the templates call with
// t, sorted.
func (s *Set) Used() []string {
	seen := map[string]bool{}
	for _, text := range s.Templates {
		for _, id := range calls(text) {
			seen[id] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

func (s *Set) usedIn(id string) string {
	for _, n := range slices.Sorted(maps.Keys(s.Templates)) {
		for _, c := range calls(s.Templates[n]) {
			if c == id {
				return s.Files[n]
			}
		}
	}
	return "a template"
}

// calls finds the message ids of the calls {{t "id" ...}} in a template.
func calls(text string) []string {
	// The functions a template may call are the build's to check: a
	// shortcode template calls markdownify, say.
	tree := parse.New("x")
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(text, "{{", "}}", trees); err != nil {
		return nil // the build reports it, with its place
	}
	var ids []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			if len(n.Args) >= 2 {
				if f, ok := n.Args[0].(*parse.IdentifierNode); ok && f.Ident == "t" {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						ids = append(ids, s.Text)
					}
				}
			}
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	for _, t := range trees {
		walk(t.Root)
	}
	return ids
}
