package main

// End-to-end tests of the glot command line, written as testscript
// scripts in testdata/script/*.txtar. Each script runs in a fresh
// temporary folder holding the files of its archive, with `glot` on the
// PATH as a copy of this test binary that runs cli.Main.
//
// Run one script with: go test ./cmd/glot -run TestScripts/workflow
// Keep a failing script's work folder with: go test ./cmd/glot -testwork

import (
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"glot": func() { os.Exit(cli.Main()) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                "testdata/script",
		RequireUniqueNames: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill":    cmdFill,
			"replace": cmdReplace,
		},
	})
}

// fill FILE ID TEXT
//
// In a go-i18n TOML translate file written by glot merge, sets the
// `other = ...` line of the table [ID] (empty, or a draft's text) to
// `other = "TEXT"`, with TEXT written as a TOML basic string, as a
// translator does; it leaves a draft's "#, fuzzy" mark where it is. ID may end in * to stand for the one
// table whose id starts with what comes before it (ids end in a hash of
// their text: 'hello-world-*'). It fails if no table, or more than one,
// matches, or if the table has no `other` line.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! fill")
	}
	if len(args) != 3 {
		ts.Fatalf("usage: fill FILE ID TEXT")
	}
	file, id, text := ts.MkAbs(args[0]), args[1], args[2]
	data, err := os.ReadFile(file)
	ts.Check(err)
	prefix, glob := strings.CutSuffix(id, "*")
	lines := strings.SplitAfter(string(data), "\n")
	table := -1
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "[") || !strings.HasSuffix(l, "]") {
			continue
		}
		name := strings.Trim(l[1:len(l)-1], `"`)
		if name == id || glob && strings.HasPrefix(name, prefix) {
			if table >= 0 {
				ts.Fatalf("%s: more than one table matches [%s]", args[0], id)
			}
			table = i
		}
	}
	if table < 0 {
		ts.Fatalf("%s: no table [%s]", args[0], id)
	}
	for j := table + 1; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "["); j++ {
		if strings.HasPrefix(strings.TrimSpace(lines[j]), `other = "`) {
			lines[j] = "other = " + catalog.Quote(text) + "\n"
			ts.Check(os.WriteFile(file, []byte(strings.Join(lines, "")), 0o666))
			return
		}
	}
	ts.Fatalf("%s: table %s has no `other` line", args[0], strings.TrimSpace(lines[table]))
}

// replace FILE OLD NEW
//
// Replaces every occurrence of OLD in FILE with NEW; fails if OLD is
// absent. OLD and NEW may hold \n for a newline.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! replace")
	}
	if len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	file := ts.MkAbs(args[0])
	old, new := unescape(args[1]), unescape(args[2])
	data, err := os.ReadFile(file)
	ts.Check(err)
	if !strings.Contains(string(data), old) {
		ts.Fatalf("%s: %q not found", args[0], old)
	}
	ts.Check(os.WriteFile(file, []byte(strings.ReplaceAll(string(data), old, new)), 0o666))
}

func unescape(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
