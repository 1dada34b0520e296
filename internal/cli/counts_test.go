package cli

import (
	"bytes"
	"strconv"
	"testing"
)

// langCounts are the counts of one language that status, build and merge
// each give in JSON.
type langCounts struct {
	Lang                                 string
	Messages, Translated, Stale, Missing int
	Reviewed, Held                       int
}

type countsReport struct{ Languages []langCounts }

func byLang(r countsReport) map[string]langCounts {
	out := map[string]langCounts{}
	for _, l := range r.Languages {
		out[l.Lang] = l
	}
	return out
}

// TestCountsAgree checks that glot build and glot merge count what glot
// status counts, in messages, on the sample site (German incomplete) and
// on a site with messages missing, stale, held back and of the interface:
// a build of the whole site gives status's counts; merge's "to do" is
// status's missing and stale once the merge is done.
func TestCountsAgree(t *testing.T) {
	t.Parallel()
	sample := func(t *testing.T) string { return sampleSite(t) }
	defects := func(t *testing.T) string { dir, _ := defectSite(t); return dir }
	for _, tc := range []struct {
		name      string
		site      func(t *testing.T) string
		mergeExit int
	}{
		{"sample site", sample, 0},
		{"missing, stale, held back and interface messages", defects, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.site(t)
			var status, build, merge countsReport
			decode(t, run(t, dir, 0, "status", "--format", "json"), &status)
			decode(t, run(t, dir, 0, "build", "--format", "json"), &build)
			st, bl := byLang(status), byLang(build)
			if len(st) == 0 {
				t.Fatal("status counted no language")
			}
			for lang, s := range st {
				b := bl[lang]
				if b.Messages != s.Messages || b.Translated != s.Translated || b.Stale != s.Stale || b.Missing != s.Missing || b.Reviewed != s.Reviewed {
					t.Errorf("%s: build counts %+v, status %+v", lang, b, s)
				}
			}
			// The text says the same numbers.
			text := run(t, dir, 0, "build", "--force")
			for lang, s := range st {
				line := []byte(lang + ": " + strconv.Itoa(s.Translated) + " of " + strconv.Itoa(s.Messages) + " messages translated")
				if !bytes.Contains(text, line) {
					t.Errorf("build does not say %q:\n%s", line, text)
				}
			}
			var out, errb bytes.Buffer
			if code := Run([]string{"-C", dir, "merge", "--format", "json"}, &out, &errb); code != tc.mergeExit {
				t.Fatalf("glot merge: exit %d, want %d\n%s", code, tc.mergeExit, errb.String())
			}
			decode(t, out.Bytes(), &merge)
			decode(t, run(t, dir, 0, "status", "--format", "json"), &status)
			st = byLang(status)
			for _, m := range merge.Languages {
				s := st[m.Lang]
				if m.Missing != s.Missing || m.Stale != s.Stale {
					t.Errorf("%s: merge says to do %d missing, %d stale; status then %d, %d", m.Lang, m.Missing, m.Stale, s.Missing, s.Stale)
				}
			}
		})
	}
}

// TestShardCounts checks that a shard's build counts the messages of its
// own pages and the interface, says so, and that its states add up.
func TestShardCounts(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	var status countsReport
	decode(t, run(t, dir, 0, "status", "--format", "json"), &status)
	st := byLang(status)
	sum := map[string]int{}
	for i := 1; i <= 3; i++ {
		shard := strconv.Itoa(i) + "/3"
		var build countsReport
		decode(t, run(t, dir, 0, "build", "--shard", shard, "--format", "json"), &build)
		for _, b := range build.Languages {
			s, ok := st[b.Lang]
			if !ok {
				continue // the source language
			}
			if b.Messages > s.Messages || b.Translated+b.Stale+b.Missing != b.Messages {
				t.Errorf("shard %s, %s: %+v; the whole site: %+v", shard, b.Lang, b, s)
			}
			sum[b.Lang] += b.Messages
		}
		if text := run(t, dir, 0, "build", "--shard", shard, "--force"); !bytes.Contains(text, []byte("messages of shard "+shard+" translated")) {
			t.Errorf("shard %s does not say which part it counts:\n%s", shard, text)
		}
	}
	for lang, s := range st {
		if sum[lang] < s.Messages {
			t.Errorf("%s: the shards count %d messages in all, the site has %d", lang, sum[lang], s.Messages)
		}
	}
}
