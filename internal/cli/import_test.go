package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// A translator's tool names the language its own way: a PO file for es_ES
// is imported into es, one for a language the site lacks is refused,
// naming the site's languages, and changes nothing.
func TestImportMatchesLanguage(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	editPages(t, dir) // something for Spanish to translate
	run(t, dir, 0, "-q", "extract")
	po := filepath.Join(dir, "es.po")
	run(t, dir, 0, "-q", "export", "--lang", "es", "--format", "po", "--only", "missing,stale", "-o", po)
	data := string(read(t, po))
	if !strings.Contains(data, "\"Language: es\\n\"") {
		t.Fatalf("the export has no Language header:\n%.600s", data)
	}
	before := localesState(t, dir)
	write(t, po, strings.Replace(data, "\"Language: es\\n\"", "\"Language: pt_PT\\n\"", 1))
	var out, errb bytes.Buffer
	if code := Run([]string{"-C", dir, "import", po}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "language pt-PT is not one of the site's languages (ar, de, es, fr)") {
		t.Fatalf("pt_PT: exit %d\n%s", code, errb.String())
	}
	if st := localesState(t, dir); !sameState(st, before) {
		t.Errorf("a refused import changed %s", stateDiff(before, st))
	}
	write(t, po, strings.Replace(data, "\"Language: es\\n\"", "\"Language: es_ES\\n\"", 1))
	if fillPO(t, po) == 0 {
		t.Fatal("es.po: nothing to fill in")
	}
	run(t, dir, 0, "-q", "import", po)
	if st := localesState(t, dir); sameState(st, before) {
		t.Error("importing es_ES into es changed nothing")
	}
}

// A Spanish file relabelled as French (trgLang="fr" in es.xlf) is refused,
// naming both languages, and changes nothing: which one it holds is not
// for glot to guess.
func TestImportRefusesARelabelledFile(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	editPages(t, dir)
	run(t, dir, 0, "-q", "extract")
	xlf := filepath.Join(dir, "es.xlf")
	run(t, dir, 0, "-q", "export", "--lang", "es", "--format", "xliff", "-o", xlf)
	data := string(read(t, xlf))
	if !strings.Contains(data, `trgLang="es"`) {
		t.Fatalf("the export says no trgLang:\n%.600s", data)
	}
	write(t, xlf, strings.Replace(data, `trgLang="es"`, `trgLang="fr"`, 1))
	before := localesState(t, dir)
	var out, errb bytes.Buffer
	if code := Run([]string{"-C", dir, "import", xlf}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "es.xlf: its name says es, but it says it holds translations into fr") {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	if st := localesState(t, dir); !sameState(st, before) {
		t.Errorf("a refused import changed %s", stateDiff(before, st))
	}
}

// Run from anywhere with -C, glot writes into exported files the paths of
// pages as the site names them, never the folder it ran in.
func TestExportPathsAreTheSite(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	for _, format := range []string{"po", "xliff", "tmx"} {
		out := string(run(t, dir, 0, "export", "--lang", "es", "--format", format))
		if strings.Contains(out, dir) || strings.Contains(out, filepath.ToSlash(dir)) || !strings.Contains(out, "content/index.md") {
			t.Errorf("%s export names %s, or not content/index.md:\n%.1200s", format, dir, out)
		}
	}
}
