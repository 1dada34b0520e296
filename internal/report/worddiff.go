package report

import (
	"strings"
	"unicode"
)

// DiffOp is one step of a word-level diff: text kept ("="), removed ("-")
// or added ("+").
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// WordDiff returns the word-level difference from a to b: the longest run
// of words they share is kept, the rest removed or added. Words include
// the space before them, so the ops joined give back the texts.
func WordDiff(a, b string) []DiffOp {
	wa, wb := words(a), words(b)
	n, m := len(wa), len(wb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if strings.TrimSpace(wa[i]) == strings.TrimSpace(wb[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []DiffOp
	add := func(op, text string) {
		if k := len(ops) - 1; k >= 0 && ops[k].Op == op {
			ops[k].Text += text
			return
		}
		ops = append(ops, DiffOp{op, text})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && strings.TrimSpace(wa[i]) == strings.TrimSpace(wb[j]):
			add("=", wb[j])
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			// What goes comes before what replaces it.
			add("-", wa[i])
			i++
		default:
			add("+", wb[j])
			j++
		}
	}
	return ops
}

// words splits s into words, each with the white space after it.
func words(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// FormatDiff writes ops with removed text between delOpen and delClose and
// added text between addOpen and addClose, as git's --word-diff does with
// [-...-] and {+...+}; white space at their ends stays outside the marks,
// and sep goes between a removal and the addition right after it.
func FormatDiff(ops []DiffOp, delOpen, delClose, addOpen, addClose, sep string) string {
	var b strings.Builder
	for i, op := range ops {
		body := strings.TrimRightFunc(op.Text, unicode.IsSpace)
		trail := op.Text[len(body):]
		switch op.Op {
		case "=":
			b.WriteString(op.Text)
		case "-":
			b.WriteString(delOpen + body + delClose + trail)
			if trail == "" && i+1 < len(ops) && ops[i+1].Op == "+" {
				b.WriteString(sep)
			}
		case "+":
			b.WriteString(addOpen + body + addClose + trail)
		}
	}
	return b.String()
}
