package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// Parse reads glot.toml. file is used in error messages.
func Parse(file string, data []byte) (*Config, error) {
	cfg := Default()
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		return nil, fileerr.TOML(file, 0, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, fileerr.At(file, keyLine(data, und[0][len(und[0])-1]), 0,
			fmt.Errorf("unknown key %q (known keys: %s)", key, strings.Join(knownKeys(), ", ")))
	}
	if md.IsDefined("limits", "page_timeout") && md.Type("limits", "page_timeout") != "String" {
		// The decoder takes a bare number for nanoseconds: 10 would be
		// 10ns, never what was meant.
		return nil, fileerr.At(file, keyLine(data, "page_timeout"), 0,
			fmt.Errorf("page_timeout: give a duration as a string, such as \"10s\" or \"1m\""))
	}
	err = cfg.parseHugo(md.IsDefined)
	if err == nil {
		err = cfg.validate()
	}
	if err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			line := keyLine(data, ke.key)
			if ke.section != "" {
				line = sectionKeyLine(data, ke.section, ke.key)
			}
			if line == 0 && ke.other != "" {
				line = keyLine(data, ke.other)
			}
			return nil, fileerr.At(file, line, 0, ke.err)
		}
		return nil, fileerr.At(file, 0, 0, err)
	}
	return &cfg, nil
}

// keyError is an error in the value of key. other is a second key that
// the error is about, blamed when key is not in the file (its value is
// the default). section, when set, is the table key is in, for a key
// whose name other tables use too.
type keyError struct {
	key, other, section string
	err                 error
}

func (e *keyError) Error() string { return e.key + ": " + e.err.Error() }

// knownKeys lists the keys of glot.toml, by table, for the error that
// names one it does not know.
func knownKeys() []string {
	return []string{"base_url", "content_dir", "languages", "locales_dir", "markdown_dir", "output_dir", "source_language", "suggestion_threshold",
		"[extract] front_matter, attributes, no_translate_classes, shortcodes, atoms", "[build] threshold, incomplete, digits",
		"[limits] max_nesting, max_page_bytes, page_timeout", "[content] exclude",
		"[hugo] content, content_dirs, i18n, theme_i18n, incomplete"}
}

// keyLine finds the first line that sets key, or opens it as a table.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`^\s*(?:"?` + regexp.QuoteMeta(key) + `"?\s*=|\[\[?\s*"?` + regexp.QuoteMeta(key) + `"?\s*[\].])`)
	for i, l := range strings.Split(string(data), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

// sectionKeyLine finds the first line that sets key in table section (a
// dotted name, "hugo.content_dirs"), or the line that opens the table
// when it does not set key there; 0 when the file has no such table.
func sectionKeyLine(data []byte, section, key string) int {
	head := regexp.MustCompile(`^\s*\[\s*` + strings.ReplaceAll(regexp.QuoteMeta(section), `\.`, `\s*\.\s*`) + `\s*\]`)
	anyHead := regexp.MustCompile(`^\s*\[`)
	set := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	start := 0
	for i, l := range strings.Split(string(data), "\n") {
		switch {
		case start == 0 && head.MatchString(l):
			start = i + 1
		case start > 0 && anyHead.MatchString(l):
			return start
		case start > 0 && set.MatchString(l):
			return i + 1
		}
	}
	return start
}
