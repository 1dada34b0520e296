package hugo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
)

// Site is what glot needs of a Hugo site's configuration.
type Site struct {
	// Files are the configuration files read, in the order they were
	// merged: a later one's values win, as Hugo merges them.
	Files []string
	// DefaultLanguage is defaultContentLanguage, "en" unless set.
	DefaultLanguage string
	// ContentDir is the site's contentDir, "content" unless set: the
	// folder of every language that sets none of its own.
	ContentDir string
	// I18nDir is i18nDir, "i18n" unless set.
	I18nDir string
	// ThemeI18n are the i18n folders of the site's themes
	// (themesDir/theme/i18n) that exist, in the order of theme.
	ThemeI18n []string
	// Languages are the languages of the site that are not disabled, by
	// weight, then key.
	Languages []Language
}

// Language is one language of a Hugo site.
type Language struct {
	Key        string // as Hugo's configuration names it, lowercased as Hugo reads it
	Tag        string // its BCP 47 tag, in canonical form: glot's name for it
	Code       string // languageCode, "" when unset
	ContentDir string // contentDir, "" when unset (the site's)
	Weight     int
	File       string // the configuration file that defines it (the last, when several do)
}

// configDir is the folder of a configuration split into files, with the
// files that hold what glot reads.
const configDir = "config/_default"

// formats are the extensions of configuration files, in Hugo's order of
// precedence.
var formats = []string{"toml", "yaml", "yml", "json"}

// Load reads the configuration of the Hugo site whose root is fsys: the
// first of hugo.toml, hugo.yaml, hugo.json, config.toml, config.yaml and
// config.json at the root, then config/_default/ (its hugo.* or config.*,
// and its languages.*, which holds the languages table), merged on top.
// Keys are read without regard to case, as Hugo reads them. An error
// names the file and line.
func Load(fsys fs.FS) (*Site, error) {
	r := &reader{fsys: fsys, merged: map[string]any{}, langFile: map[string]string{}}
	if err := r.readAll(); err != nil {
		return nil, err
	}
	merged := r.merged
	s := &Site{
		Files:           r.files,
		DefaultLanguage: strings.ToLower(str(merged, "defaultcontentlanguage", "en")),
		ContentDir:      cleanDir(str(merged, "contentdir", "content")),
		I18nDir:         cleanDir(str(merged, "i18ndir", "i18n")),
	}
	where := strings.Join(r.files, ", ")
	themes, err := strs(merged["theme"])
	if err != nil {
		return nil, fmt.Errorf("%s: theme: %w", where, err)
	}
	themesDir := cleanDir(str(merged, "themesdir", "themes"))
	for _, t := range themes {
		dir := path.Join(themesDir, t, "i18n")
		if fi, err := fs.Stat(fsys, dir); err == nil && fi.IsDir() {
			s.ThemeI18n = append(s.ThemeI18n, dir)
		}
	}
	if s.Languages, err = r.languages(where); err != nil {
		return nil, err
	}
	return s, nil
}

// reader reads a Hugo site's configuration files and merges them, as
// Hugo does, keeping which file defines each language last.
type reader struct {
	fsys     fs.FS
	merged   map[string]any
	files    []string          // the files read, in order
	langFile map[string]string // language key -> the last file that defines it
}

// readAll reads the configuration files Load names, in its order, and
// merges each on top of those before it.
func (r *reader) readAll() error {
	for _, dir := range []string{".", configDir} {
		if name, ok := r.first(dir, "hugo", "config"); ok {
			m, err := r.read(name)
			if err != nil {
				return err
			}
			r.definesLanguages(name, m["languages"])
			merge(r.merged, m)
		}
	}
	if name, ok := r.first(configDir, "languages"); ok {
		m, err := r.read(name)
		if err != nil {
			return err
		}
		r.definesLanguages(name, m)
		merge(r.merged, map[string]any{"languages": m})
	}
	if len(r.files) == 0 {
		return fmt.Errorf("no Hugo configuration here: glot init --hugo reads hugo.toml, hugo.yaml or hugo.json (or config.toml, config.yaml, config.json), or %s/", configDir)
	}
	return nil
}

// first returns the first configuration file in dir named one of bases,
// in the order of bases, then of formats.
func (r *reader) first(dir string, bases ...string) (string, bool) {
	for _, b := range bases {
		for _, f := range formats {
			name := path.Join(dir, b+"."+f)
			if fi, err := fs.Stat(r.fsys, name); err == nil && !fi.IsDir() {
				return name, true
			}
		}
	}
	return "", false
}

// read decodes configuration file name, and notes that it was read.
func (r *reader) read(name string) (map[string]any, error) {
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		return nil, err
	}
	r.files = append(r.files, name)
	return decode(name, data)
}

// definesLanguages notes that file name defines the languages of the
// table langs.
func (r *reader) definesLanguages(name string, langs any) {
	if m, ok := langs.(map[string]any); ok {
		for k := range m {
			r.langFile[k] = name
		}
	}
}

// languages returns the languages of the merged configuration that are
// not disabled, by weight (unweighted last), then key; where names the
// files, for errors.
func (r *reader) languages(where string) ([]Language, error) {
	disabled, err := strs(r.merged["disablelanguages"])
	if err != nil {
		return nil, fmt.Errorf("%s: disableLanguages: %w", where, err)
	}
	langs, _ := r.merged["languages"].(map[string]any)
	if r.merged["languages"] != nil && langs == nil {
		return nil, fmt.Errorf("%s: languages must be a table of languages", where)
	}
	var out []Language
	for key, v := range langs {
		lm, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: languages.%s must be a table", where, key)
		}
		if b, _ := lm["disabled"].(bool); b || contains(disabled, key) {
			continue
		}
		l := Language{Key: key, Code: str(lm, "languagecode", ""), ContentDir: str(lm, "contentdir", ""), File: r.langFile[key]}
		if l.ContentDir != "" {
			l.ContentDir = cleanDir(l.ContentDir)
		}
		if l.Weight, err = number(lm["weight"]); err != nil {
			return nil, fmt.Errorf("%s: languages.%s.weight: %w", where, key, err)
		}
		if l.Tag, err = langtag.Normalize(key); err != nil {
			return nil, fmt.Errorf("%s: language %q: its key is not a BCP 47 language tag (%v): glot names each language by its tag, as Hugo names its i18n files", where, key, err)
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return b.Weight == 0 // an unweighted language comes after those with a weight
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Key < b.Key
	})
	return out, nil
}

// Default returns the site's default language, if it is one of its
// languages.
func (s *Site) Default() (Language, bool) {
	for _, l := range s.Languages {
		if l.Key == s.DefaultLanguage {
			return l, true
		}
	}
	return Language{}, false
}

// decode reads a configuration file by its extension, with its keys
// lowercased, as Hugo reads them.
func decode(name string, data []byte) (map[string]any, error) {
	m := map[string]any{}
	var err error
	switch path.Ext(name) {
	case ".toml":
		if err = toml.Unmarshal(data, &m); err != nil {
			return nil, fileerr.TOML(name, 0, err)
		}
	case ".yaml", ".yml":
		if err = yaml.Unmarshal(data, &m); err != nil {
			return nil, yamlError(name, err)
		}
	case ".json":
		if err = json.Unmarshal(data, &m); err != nil {
			return nil, jsonError(name, data, err)
		}
	}
	return lower(m).(map[string]any), nil
}

// lower returns v with the keys of every table in it lowercased.
func lower(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[strings.ToLower(k)] = lower(x)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[strings.ToLower(fmt.Sprint(k))] = lower(x)
		}
		return out
	case []any:
		for i := range v {
			v[i] = lower(v[i])
		}
		return v
	case []map[string]any:
		out := make([]any, len(v))
		for i := range v {
			out[i] = lower(v[i])
		}
		return out
	}
	return v
}

// merge sets every value of src in dst, tables merged key by key.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

func str(m map[string]any, key, def string) string {
	if s, ok := m[key].(string); ok && s != "" {
		return s
	}
	return def
}

// strs reads a string or a list of strings.
func strs(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("give a string or a list of strings, not %v", x)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("give a string or a list of strings, not %v", v)
}

func number(v any) (int, error) {
	switch v := v.(type) {
	case nil:
		return 0, nil
	case int:
		return v, nil
	case int64:
		return int(v), nil
	case uint64:
		return int(v), nil
	case float64:
		if v == float64(int(v)) {
			return int(v), nil
		}
	case string:
		if n, err := strconv.Atoi(v); err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("give a whole number, not %v", v)
}

func contains(list []string, key string) bool {
	for _, s := range list {
		if strings.EqualFold(s, key) {
			return true
		}
	}
	return false
}

// cleanDir writes a folder of Hugo's configuration as glot.toml does:
// slash-separated, cleaned ("./content/en/" is "content/en").
func cleanDir(dir string) string {
	return path.Clean(strings.ReplaceAll(dir, `\`, "/"))
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError positions an error of the YAML decoder in file.
func yamlError(file string, err error) error {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		// yaml.v3 counts lines from 0 in its parser's errors ("did not
		// find expected ...") and from 1 in its scanner's.
		if strings.HasPrefix(m[2], "did not find expected") {
			n++
		}
		return fileerr.At(file, n, 0, errors.New(m[2]))
	}
	return fileerr.At(file, 0, 0, err)
}

// jsonError positions an error of the JSON decoder in file, at the line
// and column of the byte it names.
func jsonError(file string, data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 1 || off > int64(len(data)) {
		return fileerr.At(file, 0, 0, err)
	}
	// The offset is of the byte after the one the decoder stopped at.
	before := data[:off-1]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fileerr.At(file, line, col, err)
}
