package segment

import (
	"fmt"
	"maps"
	"slices"
)

// UnmarshalTOML reads a shortcode's entry of glot.toml's
// [extract.shortcodes]: a list of the parameters translated, figure =
// ["caption", "alt"], or a table of ShortcodeRule's keys. The decoder of
// glot.toml calls it, and places its errors on the entry's line.
func (s *ShortcodeRule) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case []any:
		if stringList(&s.Params, v, "") != nil {
			return fmt.Errorf("give a list of parameter names, or a table with params and inner")
		}
		return nil
	case map[string]any:
		// In the order of the keys, so that the error is the same from
		// one run to the next.
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if err := s.set(k, v[k]); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("give a list of parameter names, or a table with params and inner")
}

// set sets the field of the table's key k to v.
func (s *ShortcodeRule) set(k string, v any) error {
	switch k {
	case "params":
		return stringList(&s.Params, v, k)
	case "opaque_if":
		return stringList(&s.OpaqueIf, v, k)
	case "markdown_if":
		return stringList(&s.MarkdownIf, v, k)
	case "inner":
		in, ok := v.(string)
		s.Inner = in
		switch in {
		case InnerMarkdown, InnerText, InnerOpaque:
			return nil
		}
		if !ok {
			in = fmt.Sprint(v)
		}
		return fmt.Errorf("inner = %q: give \"markdown\", \"text\" or \"opaque\"", in)
	}
	return fmt.Errorf("unknown key %q (known keys: params, inner, opaque_if, markdown_if)", k)
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
