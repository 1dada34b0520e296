package hugo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
)

// ReadI18n reads the interface messages of language lang from the i18n
// folders dirs of the site whose root is fsys: in each, the files
// <lang>.toml, .yaml, .yml and .json (the name matched without regard to
// case, as Hugo matches it). They are go-i18n message files, as Hugo
// reads them: a message is a string, or a table of its plural forms and
// description, and YAML and JSON files may use go-i18n's first format
// (a list of id and translation). A message of an earlier folder wins
// over one of a later folder with its id, as the site's own messages win
// over its theme's. The messages are returned sorted by id; a folder
// that does not exist has none.
func ReadI18n(fsys fs.FS, dirs []string, lang string) ([]*catalog.Message, error) {
	byID := map[string]*catalog.Message{}
	for _, dir := range dirs {
		entries, err := fs.ReadDir(fsys, dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		here := map[string]string{} // id -> the file of this folder that defines it
		for _, e := range entries {
			ext := path.Ext(e.Name())
			if e.IsDir() || !slices.Contains(formats, strings.TrimPrefix(ext, ".")) || !strings.EqualFold(strings.TrimSuffix(e.Name(), ext), lang) {
				continue
			}
			name := path.Join(dir, e.Name())
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			msgs, err := parseI18n(name, data)
			if err != nil {
				return nil, err
			}
			for _, m := range msgs {
				if other, ok := here[m.ID]; ok {
					return nil, fmt.Errorf("%s: message %q is also defined in %s", name, m.ID, other)
				}
				here[m.ID] = name
				if _, ok := byID[m.ID]; ok {
					continue // an earlier folder's
				}
				m.Hash = "" // a hash is glot's own, made for the text
				byID[m.ID] = m
			}
		}
	}
	out := make([]*catalog.Message, 0, len(byID))
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		out = append(out, byID[id])
	}
	return out, nil
}

// parseI18n reads one i18n file. TOML is read by the catalog's own reader,
// which positions its errors; YAML and JSON by go-i18n's, as Hugo reads
// them.
func parseI18n(name string, data []byte) ([]*catalog.Message, error) {
	if path.Ext(name) == ".toml" {
		c, err := catalog.Parse(name, data)
		if err != nil {
			return nil, err
		}
		out := make([]*catalog.Message, 0, len(c.Messages))
		for _, id := range c.IDs() {
			out = append(out, c.Messages[id])
		}
		return out, nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var msgs []*i18n.Message
	var err error
	if path.Ext(name) == ".json" {
		msgs, err = i18n.ParseMessageBytes(data, json.Unmarshal)
		if err != nil {
			return nil, jsonError(name, data, err)
		}
	} else {
		msgs, err = i18n.ParseMessageBytes(data, yaml.Unmarshal)
		if err != nil {
			return nil, yamlError(name, err)
		}
	}
	for _, m := range msgs {
		if m.ID == "" {
			return nil, fileerr.At(name, 0, 0, fmt.Errorf("a message without an id: give each message its id as a key"))
		}
	}
	return msgs, nil
}

// I18nHeader starts every i18n file glot build writes. A file without it
// is the site's own, which glot build does not write over.
const I18nHeader = "# Written by glot build"

// WrittenByGlot reports whether an i18n file is one glot build wrote.
func WrittenByGlot(data []byte) bool {
	return bytes.HasPrefix(data, []byte(I18nHeader))
}

// I18nFile writes the i18n file of language lang for Hugo: msgs, the
// translations in force of the site's interface messages, sorted by id,
// each a table of its plural forms, in go-i18n's format, which Hugo reads.
// A message Hugo finds nowhere in it, Hugo takes from the theme's file
// for lang, or shows in the default language.
func I18nFile(lang, localesDir string, msgs []*catalog.Message) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s from %s: do not edit; translators work in\n# %s, and glot merge and glot build bring their work here.\n",
		I18nHeader, path.Join(localesDir, "active."+lang+".toml"), path.Join(localesDir, "translate."+lang+".toml"))
	sorted := slices.Clone(msgs)
	slices.SortFunc(sorted, func(a, b *catalog.Message) int { return strings.Compare(a.ID, b.ID) })
	for _, m := range sorted {
		b.WriteByte('\n')
		// Only the text: the description and the hash are glot's.
		catalog.WriteTable(&b, m.ID, &catalog.Message{ID: m.ID, LeftDelim: m.LeftDelim, RightDelim: m.RightDelim,
			Zero: m.Zero, One: m.One, Two: m.Two, Few: m.Few, Many: m.Many, Other: m.Other}, false)
	}
	return b.Bytes()
}
