package config

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
)

// reserved are the site's own files and folders, by their names at the
// site's root, that none of the folders of glot.toml may be or hold.
var reserved = map[string]string{
	"layouts":       "the layouts folder",
	".glot-cache":   "glot's cache folder",
	File:            "the site's configuration",
	"glossary.toml": "the site's glossary",
}

// overlaps reports whether clean folders a and b are the same folder or
// one holds the other. Case is ignored: on the file systems of macOS and
// Windows, "Public" and "public" are one folder.
func overlaps(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}

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
