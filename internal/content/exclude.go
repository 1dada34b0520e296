package content

import (
	"fmt"
	"path"
	"strings"
)

// Exclude is a set of globs over paths in the content folder: a file or
// folder one of them matches is left out of the site entirely, neither
// page nor asset. The zero Exclude (and a nil one) leaves out nothing.
//
// A glob is matched against the whole slash-separated path from the
// content folder's root, element by element, with path.Match's syntax
// in each element (`*`, `?`, `[a-z]`, `\` to escape), and `**` as a whole
// element for any number of elements, none included: `drafts/**` is
// everything under drafts/, `**/*.tmp` every .tmp file at any depth, and
// `*.tmp` only those at the root. A glob that matches a folder leaves out
// everything in it.
type Exclude struct {
	globs []glob
}

type glob struct {
	text  string
	parts []string
}

// NewExclude compiles patterns, refusing one that is empty, absolute,
// climbs out of the content folder, holds a malformed class, or uses
// "**" other than as a whole path element.
func NewExclude(patterns []string) (*Exclude, error) {
	x := &Exclude{}
	for _, p := range patterns {
		g, err := compile(p)
		if err != nil {
			return nil, fmt.Errorf("exclude %q: %w", p, err)
		}
		x.globs = append(x.globs, g)
	}
	return x, nil
}

func compile(p string) (glob, error) {
	switch {
	case strings.TrimSpace(p) == "":
		return glob{}, fmt.Errorf("an empty glob")
	case strings.HasPrefix(p, "/"):
		return glob{}, fmt.Errorf("a glob is a path in the content folder, without a leading /")
	}
	parts := strings.Split(strings.TrimSuffix(p, "/"), "/")
	for _, part := range parts {
		switch {
		case part == "" || part == "." || part == "..":
			return glob{}, fmt.Errorf("%q is not a path element: write a path such as drafts/** or **/*.tmp", part)
		case part == "**":
		case strings.Contains(part, "**"):
			return glob{}, fmt.Errorf("** must be a whole path element (drafts/**, **/notes.md), not part of %q", part)
		default:
			if _, err := path.Match(part, ""); err != nil {
				return glob{}, fmt.Errorf("%q: %w", part, err)
			}
		}
	}
	return glob{text: p, parts: parts}, nil
}

// Match reports whether p, a slash-separated path in the content folder,
// is left out.
func (x *Exclude) Match(p string) bool {
	if x == nil || len(x.globs) == 0 {
		return false
	}
	name := strings.Split(p, "/")
	for _, g := range x.globs {
		if match(g.parts, name) {
			return true
		}
	}
	return false
}

// match matches the elements of a path against those of a glob.
func match(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if match(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
