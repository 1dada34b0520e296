package config

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// checkDir refuses a folder of glot.toml that is not a folder inside the
// site, holds a control character, is inside .git, or overlaps one of the
// site's own files and folders.
func checkDir(dir string) error {
	clean := path.Clean(dir)
	if dir == "" || clean == "." || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || strings.ContainsRune(dir, '\\') {
		return fmt.Errorf("%q must be a folder inside the site", dir)
	}
	if strings.IndexFunc(dir, unicode.IsControl) >= 0 {
		return fmt.Errorf("%q holds a control character", dir)
	}
	for _, part := range strings.Split(clean, "/") {
		if strings.EqualFold(part, ".git") {
			return fmt.Errorf("%q is inside git's own folder: glot must not read or write there", dir)
		}
	}
	// Output written into the content or the locales would be read
	// back as pages or catalogs, and output written over the layouts or
	// the site's own files would destroy them.
	for _, name := range slices.Sorted(maps.Keys(reserved)) {
		if overlaps(clean, name) {
			return fmt.Errorf("%q overlaps %s %q: each folder must be separate", dir, reserved[name], name)
		}
	}
	return nil
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
