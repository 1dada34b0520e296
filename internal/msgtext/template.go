package msgtext

import (
	"fmt"
	"sort"
	"strings"
	"text/template/parse"
)

// CheckTemplate validates the template actions of translation tr against
// its source src. Interface messages are go-i18n messages, which go-i18n
// runs as Go templates: "Reading time: {{.Count}} minutes". A translation is
// untrusted input, so the only action it may have is {{.Field}} for a field
// its source uses: no range, no if, no function, no other field. Text with
// "{{" that is not a template at all is left to the other checks.
func CheckTemplate(src, tr string) error {
	if !strings.Contains(tr, "{{") {
		return nil
	}
	allowed, srcOK := templateFields(src)
	t, err := parseTemplate(tr)
	if err != nil {
		if !srcOK {
			return nil // literal braces in the source and its translation alike
		}
		return &Error{Problem: fmt.Sprintf("malformed template action: %v", strings.TrimPrefix(err.Error(), "template: t:"))}
	}
	var bad []string
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			if f := soleField(n); f != "" && allowed[f] {
				continue
			}
			bad = append(bad, n.String())
		default:
			bad = append(bad, n.String())
		}
	}
	if len(bad) > 0 {
		if len(allowed) == 0 {
			// A source with no field leaves a translation none to use.
			return &Error{Problem: fmt.Sprintf("template action %s is not allowed: the source uses no template field, so a translation may use none", strings.Join(bad, ", "))}
		}
		return &Error{Problem: fmt.Sprintf("template action %s is not allowed: a translation may use only %s", strings.Join(bad, ", "), fieldList(allowed))}
	}
	return nil
}

func parseTemplate(s string) (*parse.Tree, error) {
	trees, err := parse.Parse("t", s, "{{", "}}", TemplateFuncs)
	if err != nil {
		return nil, err
	}
	return trees["t"], nil
}

// TemplateFuncs are Go's template functions, by name: a translation that
// calls one is read, and refused for it, rather than misread as malformed.
var TemplateFuncs = map[string]any{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true, "not": true,
	"or": true, "print": true, "printf": true, "println": true, "urlquery": true, "eq": true, "ge": true,
	"gt": true, "le": true, "lt": true, "ne": true,
}

// templateFields returns the fields that the actions {{.Field}} of s use,
// and whether s parses as a template.
func templateFields(s string) (map[string]bool, bool) {
	fields := map[string]bool{}
	if !strings.Contains(s, "{{") {
		return fields, true
	}
	t, err := parseTemplate(s)
	if err != nil {
		return fields, false
	}
	for _, n := range t.Root.Nodes {
		if a, ok := n.(*parse.ActionNode); ok {
			if f := soleField(a); f != "" {
				fields[f] = true
			}
		}
	}
	return fields, true
}

// soleField returns Field when the action is {{.Field}} and nothing else.
func soleField(a *parse.ActionNode) string {
	if a.Pipe == nil || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 1 {
		return ""
	}
	if f, ok := a.Pipe.Cmds[0].Args[0].(*parse.FieldNode); ok && len(f.Ident) == 1 {
		return f.Ident[0]
	}
	return ""
}

func fieldList(fields map[string]bool) string {
	if len(fields) == 0 {
		return "none (its source has no template action)"
	}
	var fs []string
	for f := range fields {
		fs = append(fs, "{{."+f+"}}")
	}
	sort.Strings(fs)
	return strings.Join(fs, ", ")
}
