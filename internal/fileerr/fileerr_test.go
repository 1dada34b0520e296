package fileerr

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestError(t *testing.T) {
	base := errors.New("bad")
	tests := []struct {
		err  error
		want string
	}{
		{At("a.md", 3, 7, base), "a.md:3:7: bad"},
		{At("a.md", 3, 0, base), "a.md:3: bad"},
		{At("a.md", 0, 0, base), "a.md: bad"},
		{InFile("b.md", At("", 2, 1, base)), "b.md:2:1: bad"},
		{InFile("b.md", At("c.md", 2, 1, base)), "c.md:2:1: bad"},
		{InFile("b.md", base), "b.md: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, base) {
			t.Errorf("%q does not wrap its cause", tt.err)
		}
	}
	if InFile("x", nil) != nil {
		t.Error("InFile(nil) is nil")
	}
}

func TestTOML(t *testing.T) {
	var v map[string]any
	_, err := toml.Decode("a = 1\nb = = 2\n", &v)
	if got := TOML("f.toml", 0, err).Error(); got[:9] != "f.toml:2:" {
		t.Errorf("parse error: %q", got)
	}
	var typed struct{ A []string }
	_, err = toml.Decode("\n\na = \"x\"\n", &typed)
	if got := TOML("f.toml", 10, err).Error(); got[:10] != "f.toml:13:" {
		t.Errorf("type error: %q", got)
	}
}

// A path inside the working folder is named relative to it, as the user
// would type it; one outside it as it is.
func TestName(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ p, want string }{
		{filepath.Join(wd, "locales", "active.es.toml"), "locales/active.es.toml"},
		{"locales/active.es.toml", "locales/active.es.toml"},
		{filepath.Dir(wd), filepath.ToSlash(filepath.Dir(wd))},
		{"/elsewhere/x.po", "/elsewhere/x.po"},
	} {
		if got := Name(tt.p); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
}
