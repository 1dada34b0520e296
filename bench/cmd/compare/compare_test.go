package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPeakKB(t *testing.T) {
	report := "\tCommand being timed: \"glot build\"\n\tUser time (seconds): 4.36\n\tMaximum resident set size (kbytes): 104556\n\tExit status: 0\n"
	if kb, err := peakKB([]byte(report)); err != nil || kb != 104556 {
		t.Errorf("peakKB = %d, %v", kb, err)
	}
	if _, err := peakKB([]byte("Command exited with non-zero status 1\n")); err == nil {
		t.Error("peakKB of a report without it: no error")
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1}, 2.5}, {[]float64{7}, 7}} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %g, want %g", tc.xs, got, tc.want)
		}
	}
}

func TestReviseFirstParagraph(t *testing.T) {
	page := "---\ntitle: \"T\"\n---\n\n# T\n\nFirst line\nsecond line.\n\nNext paragraph.\n"
	got, err := reviseFirstParagraph(page, "Added.")
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: \"T\"\n---\n\n# T\n\nFirst line\nsecond line. Added.\n\nNext paragraph.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRowsAndTable(t *testing.T) {
	m := func(s float64, kb int64, codes ...int) *measurement {
		return &measurement{Samples: []float64{s}, Median: s, PeakKB: kb, ExitCodes: append(codes, 0)}
	}
	r := results{
		build: m(10, 400_000), buildHTML: m(6, 1_100_000), hugo: m(30, 900_000), floor: m(2, 20_000),
		extract: m(1, 50_000), po4a: m(30, 30_000),
		merge: m(5, 200_000), statusCold: m(1, 1), diffCold: m(1, 1), checkCold: m(3, 1, 1),
		status: m(1, 1), diff: m(1, 1, 1), check: m(3, 1),
		nochange: m(0.2, 1), edit: m(0.9, 1),
	}
	rs := rows(targetPages, r)
	want := map[string]bool{
		"build from scratch/Hugo": true, "build from scratch/goldmark floor": false,
		"extract from scratch/po4a": true, "merge, 8 languages/": true, "check, run again (exit 0)/": false, "check, no cache (exit 1, 0)/": false,
		"build from scratch, HTML only/Hugo": true, "build from scratch, HTML only/goldmark floor": false,
		"build, nothing changed/": true,
		// The HTML-only build's memory counts: 1.1 GB.
		"peak memory, any glot command/": false,
	}
	for _, row := range rs {
		w, ok := want[row.Work+"/"+row.Other]
		if !ok {
			continue
		}
		if row.Met == nil || *row.Met != w {
			t.Errorf("%s against %s: met = %v, want %v", row.Work, row.Other, row.Met, w)
		}
	}
	for _, row := range rows(1000, r) {
		if row.Other == "" && row.Met != nil {
			t.Errorf("%s: judged at 1,000 pages against a target for %d", row.Work, targetPages)
		}
	}
	var b bytes.Buffer
	printTable(&b, &sizeReport{Pages: targetPages, Languages: 9, Messages: 123456, Rows: rs})
	for _, s := range []string{"10,000 pages × 9 languages: 123,456 messages", "glot 3.00× Hugo's speed", "glot takes 5.00× the floor's time", "glot 5.00× Hugo's speed", "glot 30.0× po4a's speed", "diff, run again (exit 1, 0)"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, b.String())
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{7: "7", 1000: "1,000", 123456: "123,456", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPo4aExtracts runs po4a on two pages with the configuration the
// comparison uses, and checks that the POT holds their paragraphs.
func TestPo4aExtracts(t *testing.T) {
	if testing.Short() {
		t.Skip("starts po4a")
	}
	if _, err := exec.LookPath("po4a"); err != nil {
		t.Fatal("the po4a test needs po4a on the PATH (Debian: apt-get install po4a)")
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	page := "---\ntitle: \"Dosing\"\ndescription: \"How much, how often.\"\n---\n\n# Dosing\n\n" + disclaimerStart + " and does\nnot replace the advice of your physician.\n\n- One item with 0.5 µg/kg.\n- Another item.\n"
	for _, p := range []string{"a.md", "s/b.md"} {
		path := filepath.Join(content, p)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	po4a := filepath.Join(dir, "po4a")
	if err := writePo4aConfig(po4a, content); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(po4a, "pot"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("po4a", "--no-translations", "po4a.cfg")
	cmd.Dir = po4a
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("po4a: %v\n%s", err, out)
	}
	pot := filepath.Join(po4a, "pot", "site.pot")
	n, err := checkPOT(pot, 5)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(pot)
	for _, s := range []string{`msgid "Dosing"`, `msgid "How much, how often."`, "0.5 µg/kg", `msgid "Another item."`} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("POT lacks %s:\n%s", s, data)
		}
	}
	if n != 5 {
		t.Errorf("%d entries, want 5 (title, description, paragraph, two items)", n)
	}
}

func TestAlternate(t *testing.T) {
	if _, err := os.Stat(gnuTime); err != nil {
		t.Skip("GNU time is not installed; on Debian or Ubuntu: apt-get install time")
	}
	dir := t.TempDir()
	var order []string
	tm := &timer{logs: dir, progress: func(format string, args ...any) { order = append(order, fmt.Sprintf(format, args...)) }}
	ok := &command{name: "ok", dir: dir, argv: []string{"sh", "-c", "echo out; echo err >&2"}}
	report := &command{name: "report", dir: dir, argv: []string{"sh", "-c", "exit 1"}, anyExit: true}
	broken := &command{name: "broken", dir: dir, argv: []string{"sh", "-c", "exit 3"}, mayFail: true}
	ms, err := tm.alternate(2, ok, report, broken)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms[0].Samples) != 2 || ms[0].PeakKB == 0 || ms[0].Failed != "" {
		t.Errorf("ok: %+v", ms[0])
	}
	if fmt.Sprint(ms[1].ExitCodes) != "[1 1]" || ms[1].Failed != "" {
		t.Errorf("report: %+v", ms[1])
	}
	if !strings.Contains(ms[2].Failed, "status 3") || len(ms[2].Samples) != 0 {
		t.Errorf("broken: %+v", ms[2])
	}
	// Turns are taken: ok, report, broken, then ok again; the broken
	// command is not run again.
	if len(order) != 5 || !strings.HasPrefix(strings.TrimSpace(order[3]), "ok") {
		t.Errorf("progress:\n%s", strings.Join(order, "\n"))
	}
	if out, _ := os.ReadFile(filepath.Join(dir, "ok.2.out")); string(out) != "out\n" {
		t.Errorf("ok.2.out = %q", out)
	}
	broken.mayFail = false
	if _, err := tm.alternate(1, broken); err == nil || !strings.Contains(err.Error(), "status 3") {
		t.Errorf("a failure of a command that may not fail: %v", err)
	}
}
