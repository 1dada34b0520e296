package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/plan"
)

// locales returns every file of dir's locales folder but the locks, with
// its content: the state of the catalogs.
func localesState(t *testing.T, dir string) map[string]string {
	t.Helper()
	root := filepath.Join(dir, "locales")
	st := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == plan.WriteLockPath || rel == plan.ReadLockPath {
			return nil
		}
		data, err := os.ReadFile(p)
		st[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// stateDiff names the files in which two states differ.
func stateDiff(a, b map[string]string) string {
	var d []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			d = append(d, "-"+k)
		} else if v != w {
			d = append(d, "~"+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, "+"+k)
		}
	}
	sort.Strings(d)
	return strings.Join(d, " ")
}

var langFile = regexp.MustCompile(`(?:^|/)(?:active|translate|archive|review)\.([^./]+)\.toml$`)

// texts returns every text of a translation, and every source text
// present or retired, in a state: "lang\x00text". The uninterrupted
// command keeps each of them somewhere; so must every interrupted one.
func texts(t *testing.T, st map[string]string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	forms := map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}
	var walk func(lang string, v any, key string, all bool)
	walk = func(lang string, v any, key string, all bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(lang, x, k, all)
			}
		case []map[string]any:
			for _, x := range v {
				walk(lang, x, key, all)
			}
		case []any:
			for _, x := range v {
				walk(lang, x, key, all)
			}
		case string:
			if v != "" && (all || forms[key]) {
				out[lang+"\x00"+v] = true
			}
		}
	}
	for name, data := range st {
		var lang string
		all := false
		switch {
		case name == ".glot/retired.toml":
			lang, all = "en", true
		case langFile.MatchString(name):
			lang = langFile.FindStringSubmatch(name)[1]
		default:
			continue
		}
		var v map[string]any
		if _, err := toml.Decode(data, &v); err != nil {
			t.Fatalf("locales/%s does not parse: %v", name, err)
		}
		walk(lang, v, "", all)
	}
	return out
}

// lost lists the texts of before that are nowhere in after.
func lost(before, after map[string]bool) []string {
	var l []string
	for k := range before {
		if !after[k] {
			l = append(l, strings.ReplaceAll(k, "\x00", ": "))
		}
	}
	sort.Strings(l)
	return l
}

// editPages changes a sentence of a page, so that its message is retired
// and its translations become stale, and adds a page.
func editPages(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "content", "depression-and-trauma.md")
	old := string(read(t, p))
	edited := strings.Replace(old, "Childhood trauma can arise from a variety of causes", "Childhood trauma can arise from many causes", 1)
	if edited == old {
		t.Fatal("the sample page no longer has the sentence this test edits")
	}
	write(t, p, edited)
	write(t, filepath.Join(dir, "content", "visiting.md"), "---\ntitle: Visiting us\n---\n\n# Visiting us\n\nThe clinic is open on weekdays.\n\nPark behind the building.\n")
}

// fillTranslate fills in every empty single-form entry of a translate
// file with lang's mark and its source text, which fits the source
// (same numbers, addresses and tags).
func fillTranslate(t *testing.T, dir, lang string) int {
	t.Helper()
	src, err := catalog.Parse("active.en.toml", read(t, filepath.Join(dir, "locales", "active.en.toml")))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "locales", "translate."+lang+".toml")
	blocks := regexp.MustCompile(`(?m)^\[`).Split(string(read(t, name)), -1)
	n := 0
	for i := 1; i < len(blocks); i++ {
		b := blocks[i]
		id := strings.Trim(b[:strings.Index(b, "]")], `"`)
		m := src.Messages[id]
		formLines := regexp.MustCompile(`(?m)^(zero|one|two|few|many|other) = `).FindAllString(b, -1)
		if m == nil || m.One != "" || len(formLines) != 1 || !strings.Contains(b, "\nother = \"\"\n") {
			continue
		}
		blocks[i] = strings.Replace(b, "\nother = \"\"\n", "\nother = "+catalog.Quote(strings.ToUpper(lang)+" "+m.Other)+"\n", 1)
		n++
	}
	write(t, name, strings.Join(blocks, "["))
	return n
}

// fillPO fills in every empty msgstr of a PO file with its msgid.
func fillPO(t *testing.T, name string) int {
	t.Helper()
	lines := strings.Split(string(read(t, name)), "\n")
	var out []string
	var id []string
	n := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "msgid "):
			id = []string{strings.TrimPrefix(l, "msgid ")}
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], `"`) {
				i++
				out = append(out, l)
				l = lines[i]
				id = append(id, l)
			}
			out = append(out, l)
			continue
		case l == `msgstr ""` && (i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], `"`)) && len(id) > 0 && !(len(id) == 1 && id[0] == `""`):
			out = append(out, "msgstr "+id[0])
			out = append(out, id[1:]...)
			n++
			continue
		}
		out = append(out, l)
	}
	write(t, name, strings.Join(out, "\n"))
	return n
}
