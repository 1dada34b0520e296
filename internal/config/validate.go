package config

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/langtag"
)

// validate checks what Parse decoded, one part of the file after the
// other, and writes the values that have a canonical form in it (language
// tags, base_url's final slash). It returns the first error, as a
// keyError naming the key it is about, for Parse to place on its line.
func (c *Config) validate() error {
	langs, err := c.validateLanguages()
	if err != nil {
		return err
	}
	for _, step := range []func() error{
		c.validateDirs,
		func() error { return c.validateBuild(langs) },
		c.validateLimits,
		c.checkExclude,
		c.validateHugo,
		c.validateAtoms,
		c.validateSuggestionThreshold,
		c.validateBaseURL,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// validateLanguages checks source_language and languages: canonical
// tags, no pseudo-language, none twice. It returns the set of the site's
// languages, source included.
func (c *Config) validateLanguages() (map[string]bool, error) {
	src, err := langtag.Canonical(c.SourceLanguage)
	if err != nil {
		return nil, &keyError{key: "source_language", err: err}
	}
	c.SourceLanguage = src
	seen := map[string]bool{src: true}
	for i, l := range c.Languages {
		t, err := langtag.Canonical(l)
		if err != nil {
			return nil, &keyError{key: "languages", err: err}
		}
		if langtag.IsPseudo(t) {
			return nil, &keyError{key: "languages", err: fmt.Errorf("%s is a pseudo-language: it is always available to --lang and must not be listed", t)}
		}
		if seen[t] {
			return nil, &keyError{key: "languages", err: fmt.Errorf("%s is listed twice, or is the source language", t)}
		}
		seen[t] = true
		c.Languages[i] = t
	}
	return seen, nil
}

// validateDirs checks the four folders: each inside the site (checkDir),
// and none overlapping another, since each is read or written whole.
func (c *Config) validateDirs() error {
	dirs := []struct{ key, dir string }{
		{"content_dir", c.ContentDir}, {"locales_dir", c.LocalesDir}, {"output_dir", c.OutputDir}, {"markdown_dir", c.MarkdownDir},
	}
	for i, d := range dirs {
		clean := path.Clean(d.dir)
		if err := checkDir(d.dir); err != nil {
			return &keyError{key: d.key, err: err}
		}
		for _, e := range dirs[:i] {
			if overlaps(clean, path.Clean(e.dir)) {
				return &keyError{key: d.key, other: e.key, err: fmt.Errorf("%q overlaps %s %q: each folder must be separate", d.dir, e.key, e.dir)}
			}
		}
	}
	return nil
}

// validateBuild checks [build]; langs are the site's languages, the keys
// digits may name.
func (c *Config) validateBuild(langs map[string]bool) error {
	if c.Build.Threshold < 0 || c.Build.Threshold > 100 {
		return &keyError{key: "threshold", err: fmt.Errorf("%d is not a percentage from 0 to 100", c.Build.Threshold)}
	}
	if c.Build.Incomplete != "notice" && c.Build.Incomplete != "skip" {
		return &keyError{key: "incomplete", err: fmt.Errorf("%q: give notice or skip", c.Build.Incomplete)}
	}
	return c.checkDigits(langs)
}

// validateLimits checks [limits]: each bound a positive one, and a page no
// larger than the segmenter can count.
func (c *Config) validateLimits() error {
	if c.Limits.MaxNesting < 1 {
		return &keyError{key: "max_nesting", err: fmt.Errorf("max_nesting = %d: give a number of levels, 1 or more", c.Limits.MaxNesting)}
	}
	if c.Limits.MaxPageBytes < 1 || c.Limits.MaxPageBytes > maxPageBytes {
		return &keyError{key: "max_page_bytes", err: fmt.Errorf("max_page_bytes = %d: give a number of bytes from 1 to %d (1 GiB)", c.Limits.MaxPageBytes, maxPageBytes)}
	}
	if c.Limits.PageTimeout <= 0 {
		return &keyError{key: "page_timeout", err: fmt.Errorf("page_timeout = %q: give a duration longer than 0, such as \"10s\"", c.Limits.PageTimeout)}
	}
	return nil
}

// validateAtoms checks [extract] atoms: each a regular expression that
// compiles, and not empty, which would match everywhere and keep nothing.
func (c *Config) validateAtoms() error {
	for _, a := range c.Extract.Atoms {
		if a == "" {
			return &keyError{key: "atoms", err: fmt.Errorf("atoms: an empty pattern matches nothing to keep")}
		}
		if _, err := regexp.Compile(a); err != nil {
			return &keyError{key: "atoms", err: fmt.Errorf("atoms: pattern %q: %v", a, err)}
		}
	}
	return nil
}

// validateSuggestionThreshold checks suggestion_threshold, a percentage.
func (c *Config) validateSuggestionThreshold() error {
	if c.SuggestionThreshold < 0 || c.SuggestionThreshold > 100 {
		return &keyError{key: "suggestion_threshold", err: fmt.Errorf("%d is not a percentage from 0 to 100", c.SuggestionThreshold)}
	}
	return nil
}

// validateBaseURL checks base_url, and ends it with a slash so that paths
// join it as they are: an absolute http(s) URL, or a path alone from the
// host's root.
func (c *Config) validateBaseURL() error {
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	u, err := url.Parse(c.BaseURL)
	switch {
	case err != nil:
		return &keyError{key: "base_url", err: err}
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
		// A path alone: links and alternates are relative to the host.
	case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return &keyError{key: "base_url", err: fmt.Errorf("%q must be an absolute http(s) URL such as \"https://example.com/\"", c.BaseURL)}
	}
	return nil
}

// checkDigits checks [build] digits: each key one of the site's
// languages, each value a numbering system x/text writes digits in.
func (c *Config) checkDigits(langs map[string]bool) error {
	for _, l := range slices.Sorted(maps.Keys(c.Build.Digits)) {
		nu := c.Build.Digits[l]
		if !langs[l] {
			return &keyError{key: "digits", err: fmt.Errorf("digits: %q is not a language of the site (source_language or languages)", l)}
		}
		if !langtag.NumberingSystem(nu) {
			return &keyError{key: "digits", err: fmt.Errorf("digits: %s = %q is not a numbering system glot knows: give a CLDR id such as \"latn\" (0-9), \"arab\" (٠-٩), \"arabext\" (۰-۹), \"deva\", \"beng\", \"thai\"", l, nu)}
		}
	}
	return nil
}
