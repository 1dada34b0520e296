package lcs

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
	ka, kb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		ka[i] = strings.TrimSpace(w)
	}
	for j, w := range wb {
		kb[j] = strings.TrimSpace(w)
	}
	var ops []DiffOp
	add := func(op, text string) {
		if k := len(ops) - 1; k >= 0 && ops[k].Op == op {
			ops[k].Text += text
			return
		}
		ops = append(ops, DiffOp{op, text})
	}
	// What goes comes before what replaces it.
	for _, st := range Align(len(ka), len(kb), func(i, j int) bool { return ka[i] == kb[j] }) {
		switch st.Kind {
		case Keep, Insert:
			add(string(rune(st.Kind)), wb[st.J])
		case Delete:
			add("-", wa[st.I])
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

// Elide shortens the text kept between changes in ops to at most n words
// on each side of a change, the rest replaced by "…", so that a one-word
// change to a long paragraph reads as a line: "… by [-turning-]
// {+switching+} BDNF production …". Texts with no change are kept whole.
func Elide(ops []DiffOp, n int) []DiffOp {
	if len(ops) < 2 {
		return ops
	}
	out := make([]DiffOp, 0, len(ops))
	for i, op := range ops {
		w := words(op.Text)
		before, after := n, n // the words kept after the change before it, and before the one after it
		if i == 0 {
			before = 0
		}
		if i == len(ops)-1 {
			after = 0
		}
		if op.Op != "=" || len(w) <= before+after+1 {
			out = append(out, op)
			continue
		}
		text := strings.Join(w[:before], "") + "…"
		if after > 0 {
			text += " " + strings.Join(w[len(w)-after:], "")
		}
		out = append(out, DiffOp{Op: "=", Text: text})
	}
	return out
}
