package option

import (
	"errors"
	"path"
	"testing"
)

func TestGlob(t *testing.T) {
	if err := Glob("page", "guide/*.md", path.Match); err != nil {
		t.Errorf("a good glob: %v", err)
	}
	err := Glob("page", "guide/[", path.Match)
	var oe *Error
	if !errors.As(err, &oe) || oe.Name != "page" || oe.Value != "guide/[" || !errors.Is(err, path.ErrBadPattern) {
		t.Errorf("a bad glob: %#v", err)
	}
	if err.Error() != `page "guide/[": syntax error in pattern` {
		t.Errorf("said as %q", err)
	}
}
