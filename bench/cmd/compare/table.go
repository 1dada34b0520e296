package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// row is one line of the comparison table: a piece of work, glot's
// measurement, the other tool's if there is one, and the target.
type row struct {
	Work   string       `json:"work"`
	Glot   *measurement `json:"glot"`
	Other  string       `json:"other,omitempty"` // the tool compared with
	Theirs *measurement `json:"other_measurement,omitempty"`
	Ratio  string       `json:"ratio,omitempty"`
	Target string       `json:"target"`
	// Met is nil when the target is set for another size of corpus.
	Met *bool `json:"met"`
	// memoryOnly marks the row of glot's peak memory, which has no time.
	memoryOnly bool
}

// results are the measurements of one size, by piece of work.
type results struct {
	build, hugo, floor, extract, po4a, merge *measurement
	// buildHTML is glot building HTML only, as Hugo and the floor do.
	buildHTML *measurement
	// The reports, timed with no .glot-cache (cold) and run again.
	statusCold, diffCold, checkCold, status, diff, check *measurement
	nochange, edit                                       *measurement
}

// targetPages is the size of corpus the absolute targets are set for.
const targetPages = 10000

// gib is a gibibyte in kibibytes, the unit of GNU time's report.
const gib = 1 << 20

// rows compares the measurements of one size with glot's targets.
func rows(pages int, r results) []row {
	at := pages == targetPages
	glotAll := []*measurement{r.build, r.buildHTML, r.extract, r.merge, r.statusCold, r.diffCold, r.checkCold, r.status, r.diff, r.check, r.nochange, r.edit}
	var peak int64
	for _, m := range glotAll {
		peak = max(peak, m.PeakKB)
	}
	mem := row{Work: "peak memory, any glot command", Glot: &measurement{PeakKB: peak},
		Target: fmt.Sprintf("< 1 GiB at %s × 9", thousands(targetPages)), memoryOnly: true}
	if at {
		mem.Met = verdict(peak < gib)
	}
	return []row{
		faster("build from scratch", r.build, "Hugo", r.hugo, 2),
		nearFloor("build from scratch", r.build, r.floor, 2),
		faster("build from scratch, HTML only", r.buildHTML, "Hugo", r.hugo, 2),
		nearFloor("build from scratch, HTML only", r.buildHTML, r.floor, 2),
		faster("extract from scratch", r.extract, "po4a", r.po4a, 20),
		within("merge, 8 languages", r.merge, 10, "× 8", at),
		within("status, no cache", r.statusCold, 2, "× 8", at),
		within("status, run again", r.status, 2, "× 8", at),
		within("diff, no cache"+exits(r.diffCold), r.diffCold, 2, "× 8", at),
		within("diff, run again"+exits(r.diff), r.diff, 2, "× 8", at),
		within("check, no cache"+exits(r.checkCold), r.checkCold, 2, "× 8", at),
		within("check, run again"+exits(r.check), r.check, 2, "× 8", at),
		within("build, nothing changed", r.nochange, 0.5, "× 9", at),
		within("build after a one-page edit", r.edit, 1, "× 9", at),
		mem,
	}
}

// faster compares glot with a tool it must be factor times as fast as.
func faster(work string, glot *measurement, tool string, theirs *measurement, factor float64) row {
	r := row{Work: work, Glot: glot, Other: tool, Theirs: theirs, Target: fmt.Sprintf("≥ %g× %s's speed", factor, tool)}
	if theirs.Failed != "" {
		r.Ratio = tool + ": " + theirs.Failed
		return r
	}
	speed := theirs.Median / glot.Median
	r.Ratio = fmt.Sprintf("glot %s× %s's speed", ratio(speed), tool)
	r.Met = verdict(speed >= factor)
	return r
}

// nearFloor compares glot with the goldmark floor, which it must stay
// within factor times of.
func nearFloor(work string, glot, floor *measurement, factor float64) row {
	r := row{Work: work, Glot: glot, Other: "goldmark floor", Theirs: floor, Target: fmt.Sprintf("≤ %g× the floor's time", factor)}
	if floor.Failed != "" {
		r.Ratio = "the floor: " + floor.Failed
		return r
	}
	times := glot.Median / floor.Median
	r.Ratio = fmt.Sprintf("glot takes %s× the floor's time", ratio(times))
	r.Met = verdict(times <= factor)
	return r
}

// within checks glot's time against a limit set for the target size.
func within(work string, glot *measurement, limit float64, langs string, at bool) row {
	r := row{Work: work, Glot: glot, Target: fmt.Sprintf("< %g s at %s %s", limit, thousands(targetPages), langs)}
	if at {
		r.Met = verdict(glot.Median < limit)
	}
	return r
}

func verdict(ok bool) *bool { return &ok }

// exits describes the exit statuses of a command that may exit non-zero
// when it reports something.
func exits(m *measurement) string {
	seen := map[int]bool{}
	var codes []string
	for _, c := range m.ExitCodes {
		if !seen[c] {
			seen[c] = true
			codes = append(codes, strconv.Itoa(c))
		}
	}
	return " (exit " + strings.Join(codes, ", ") + ")"
}

// printTable writes the table of one size.
func printTable(w io.Writer, s *sizeReport) {
	fmt.Fprintf(w, "\n%s pages × %d languages: %s messages, %s po4a entries; corpus generated in %s\n\n",
		thousands(s.Pages), s.Languages, thousands(s.Messages), thousands(s.Po4aEntries), seconds(s.GenerateSeconds))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "work\tglot\tpeak mem\tcompared with\ttime\tpeak mem\tratio\ttarget\tmet")
	for _, r := range s.Rows {
		glotTime := seconds(r.Glot.Median)
		if r.memoryOnly {
			glotTime = "—"
		}
		other, theirTime, theirMem := "", "", ""
		switch {
		case r.Theirs != nil && r.Theirs.Failed != "":
			other, theirTime = r.Other, "—"
		case r.Theirs != nil:
			other, theirTime, theirMem = r.Other, seconds(r.Theirs.Median), memory(r.Theirs.PeakKB)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			r.Work, glotTime, memory(r.Glot.PeakKB), other, theirTime, theirMem, r.Ratio, r.Target, met(r.Met))
	}
	tw.Flush()
}

func met(m *bool) string {
	switch {
	case m == nil:
		return "—"
	case *m:
		return "yes"
	}
	return "NO"
}

// seconds writes a time with three significant figures or so.
func seconds(s float64) string {
	switch {
	case s < 1:
		return fmt.Sprintf("%.3f s", s)
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	case s < 100:
		return fmt.Sprintf("%.1f s", s)
	}
	return fmt.Sprintf("%.0f s", s)
}

// memory writes an amount of kibibytes.
func memory(kb int64) string {
	switch {
	case kb >= gib:
		return fmt.Sprintf("%.2f GiB", float64(kb)/gib)
	case kb >= 1<<10:
		return fmt.Sprintf("%.0f MiB", float64(kb)/(1<<10))
	}
	return fmt.Sprintf("%d KiB", kb)
}

func ratio(x float64) string {
	if x < 10 {
		return fmt.Sprintf("%.2f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
