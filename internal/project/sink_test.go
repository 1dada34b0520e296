package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/site"
)

// glot build writes no output through a symbolic link, wherever the link
// is below the site folder, and removes nothing through one: the place the
// link leads to is left as it was, and the error names the link.
func TestOutputsNeverThroughLinks(t *testing.T) {
	const out = "public/es/guide/index.html"
	tests := []struct {
		name string
		link string // where the link is, relative to the site folder
		dir  bool   // the link leads to a folder, else to a file
	}{
		{"output folder", "public", true},
		{"language folder", "public/es", true},
		{"deeper folder", "public/es/guide", true},
		{"output file", out, false},
	}
	for _, tt := range tests {
		for _, op := range []string{"write", "sweep"} {
			t.Run(tt.name+"/"+op, func(t *testing.T) {
				tmp := t.TempDir()
				root, elsewhere := filepath.Join(tmp, "site"), filepath.Join(tmp, "elsewhere")
				for _, d := range []string{root, elsewhere} {
					if err := os.MkdirAll(d, 0o755); err != nil {
						t.Fatal(err)
					}
				}
				// What the link leads to holds a file at the place the
				// output would be, which must survive.
				target := elsewhere
				if !tt.dir {
					target = filepath.Join(elsewhere, "precious.txt")
				}
				rest, _ := filepath.Rel(filepath.FromSlash(tt.link), filepath.FromSlash(out))
				victim := filepath.Join(elsewhere, rest)
				if !tt.dir {
					victim = target
				}
				if err := os.MkdirAll(filepath.Dir(victim), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
					t.Fatal(err)
				}
				link := filepath.Join(root, filepath.FromSlash(tt.link))
				if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, link); err != nil {
					t.Fatal(err)
				}
				o := site.Output{Name: out, Page: "guide.md", Lang: "es", Format: "html"}
				var err error
				if op == "write" {
					d := newDiskSink(root, []string{"public", "localized"}, newRecord(), false)
					err = d.Write(o, []byte("new"))
				} else {
					// The last build made the output; this one does not.
					prev := newRecord()
					prev.outs[out] = &outRecord{page: o.Page, lang: o.Lang, format: o.Format}
					d := newDiskSink(root, []string{"public", "localized"}, prev, false)
					_, err = d.sweep(func(site.Output) bool { return true })
				}
				if op == "sweep" && !tt.dir {
					// A link in place of a file is removed itself, as
					// the file would have been; what it leads to stays.
					if _, lerr := os.Lstat(link); err != nil || !os.IsNotExist(lerr) {
						t.Errorf("sweep: %v; the link: %v", err, lerr)
					}
				} else if err == nil || !strings.Contains(err.Error(), tt.link+" is a symbolic link") {
					t.Errorf("error = %v, want one naming the link %s", err, tt.link)
				}
				if data, rerr := os.ReadFile(victim); rerr != nil || string(data) != "precious" {
					t.Errorf("what the link leads to was changed: %q %v", data, rerr)
				}
			})
		}
	}
}

// A build refuses a link in place of an output folder or a language's
// folder before it writes anything, and checks each folder it makes once.
func TestCheckOutputs(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "localized", "fr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("fr", filepath.Join(root, "localized", "es")); err != nil {
		t.Fatal(err)
	}
	d := newDiskSink(root, []string{"public", "localized"}, newRecord(), false)
	err := d.checkOutputs([]string{"public", "localized"}, []string{"en", "es", "fr"})
	if err == nil || !strings.Contains(err.Error(), "localized/es is a symbolic link") {
		t.Fatalf("error = %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Error("the check made a folder")
	}
	// Without the link, the outputs are written, and their folders made.
	if err := os.Remove(filepath.Join(root, "localized", "es")); err != nil {
		t.Fatal(err)
	}
	d = newDiskSink(root, []string{"public", "localized"}, newRecord(), false)
	if err := d.checkOutputs([]string{"public", "localized"}, []string{"en", "es", "fr"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"public/es/a/b/index.html", "public/es/a/c.html", "localized/es/a.md"} {
		if err := d.Write(site.Output{Name: name}, []byte(name)); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name))); err != nil || string(data) != name {
			t.Errorf("%s: %q %v", name, data, err)
		}
	}
}
