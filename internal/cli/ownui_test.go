package cli

import (
	"path/filepath"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/layout"
)

// ownInterfaceText gives the site at dir a layouts/ui.toml of its own: the
// default layout's text, each description marked as the site's. Its hashes
// are not those of glot's default ui.toml, so glot's shipped translations
// do not serve it, and every interface message is the translators' to do,
// as tests of what translators send back need.
func ownInterfaceText(t *testing.T, dir string) {
	t.Helper()
	set, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := catalog.New()
	for id, m := range set.Messages.Messages {
		cp := *m
		cp.Description += " (This site's own wording.)"
		c.Messages[id] = &cp
	}
	write(t, filepath.Join(dir, "layouts", layout.UIFile), string(c.Bytes("", true)))
}
