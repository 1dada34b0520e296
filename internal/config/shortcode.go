package config

import (
	"fmt"
	"maps"
	"slices"
)

// Shortcode is how glot reads one Hugo shortcode. Its fields are those of
// segment.ShortcodeRule, in the same order, so that one converts to the
// other.
type Shortcode struct {
	// Params lists the parameters whose values are translated: named
	// ones by name, positional ones by position from 0 ("0").
	Params []string `toml:"params"`
	// Inner is what the inside of a pair of its tags is: "markdown"
	// (segmented as the page is), "text" (one message of plain text),
	// "opaque" (kept as written), or "" for Hugo's rule.
	Inner string `toml:"inner"`
	// OpaqueIf lists parameters that, set on the tag or on the shortcode
	// around it, make the inside opaque (code): ["lang"].
	OpaqueIf []string `toml:"opaque_if"`
	// MarkdownIf lists parameters that, set to anything but false, make
	// the inside Markdown whatever OpaqueIf says: ["text"].
	MarkdownIf []string `toml:"markdown_if"`
}

// UnmarshalTOML reads a shortcode's entry: a list of parameters, or a
// table.
func (s *Shortcode) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case []any:
		if stringList(&s.Params, v, "") != nil {
			return fmt.Errorf("give a list of parameter names, or a table with params and inner")
		}
		return nil
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			var err error
			switch k {
			case "params":
				err = stringList(&s.Params, v[k], k)
			case "opaque_if":
				err = stringList(&s.OpaqueIf, v[k], k)
			case "markdown_if":
				err = stringList(&s.MarkdownIf, v[k], k)
			case "inner":
				in, ok := v[k].(string)
				switch in {
				case "markdown", "text", "opaque":
				default:
					if !ok {
						in = fmt.Sprint(v[k])
					}
					err = fmt.Errorf("inner = %q: give \"markdown\", \"text\" or \"opaque\"", in)
				}
				s.Inner = in
			default:
				err = fmt.Errorf("unknown key %q (known keys: params, inner, opaque_if, markdown_if)", k)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("give a list of parameter names, or a table with params and inner")
}

// stringList sets *dst to v, the value of key, which must be a list of
// strings.
func stringList(dst *[]string, v any, key string) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: give a list of parameter names", key)
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return fmt.Errorf("%s: give a list of parameter names", key)
		}
		out = append(out, s)
	}
	*dst = out
	return nil
}
