package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// hostileChecked counts the outputs that differed from their baseline and
// so were checked rule by rule.
type hostileChecked struct{ html, markdown int }

func (c *hostileChecked) add(d hostileChecked) { c.html += d.html; c.markdown += d.markdown }

// runBatch takes one batch through one channel into a fresh copy of the
// template, builds it and checks the build.
func (h *hostileSite) runBatch(t *testing.T, ch string, b hostileBatch) (checked hostileChecked) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	xchg := filepath.Join(root, "exchange")
	h.copyTemplate(t, dir)
	if err := os.Mkdir(xchg, 0o755); err != nil {
		t.Fatal(err)
	}
	var summary []string
	switch ch {
	case "merge":
		for _, lang := range hostileLangs {
			h.fillTranslate(t, filepath.Join(dir, "locales", "translate."+lang+".toml"), b.assign[lang])
		}
		summary = append(summary, h.command(t, dir, "merge").summary("merge"))
	default:
		ext := map[string]string{"po": "po", "xliff": "xlf", "tmx": "tmx"}[ch]
		args := []string{"import"}
		for _, lang := range hostileLangs {
			file := filepath.Join(xchg, lang+"."+ext)
			if r := h.command(t, dir, "export", "--lang", lang, "--format", ch, "-o", file); r.code != 0 {
				t.Fatalf("glot export --lang %s --format %s: exit %d\n%s", lang, ch, r.code, r.stderr)
			}
			data := read(t, file)
			switch ch {
			case "po":
				data = h.editPO(t, data, b.assign[lang])
			case "xliff":
				data = h.editXLIFF(t, data, b.assign[lang])
			case "tmx":
				data = h.editTMX(t, data, lang, b.assign[lang])
			}
			write(t, file, string(data))
			args = append(args, file)
		}
		summary = append(summary, h.command(t, dir, args...).summary("import"))
	}

	r := h.command(t, dir, "build")
	took := r.took
	summary = append(summary, r.summary("build"), fmt.Sprintf("build took %v (baseline %v)", took.Round(time.Millisecond), h.baseTime.Round(time.Millisecond)))
	t.Logf("%s", strings.Join(summary, "\n"))
	if b.collide {
		first := "content/p" + h.pages[0].mark + ".md"
		if r.code == 0 || !strings.Contains(r.stderr, "both have the URL") || !strings.Contains(r.stderr, first) || !strings.Contains(r.stderr, "content/about.md") {
			t.Errorf("channel %s: the slug %s of %s, about.md's slug, built with exit %d; want an error naming both pages (\"both have the URL\"):\n%s",
				ch, h.payloads[b.assign["es"][h.pages[0].slugID]], first, r.code, r.stderr)
		}
		return checked
	}
	if r.code != 0 {
		t.Errorf("channel %s: glot build: exit %d\n%s\npayloads of the batch:\n%s", ch, r.code, r.stderr, h.describe(b, "", ""))
		return checked
	}
	if limit := 2*h.baseTime + 2*time.Second; took > limit {
		t.Errorf("channel %s: the build took %v, more than twice the untranslated build's %v and 2 s\npayloads of the batch:\n%s", ch, took, h.baseTime, h.describe(b, "", ""))
	}
	h.checkPlaces(t, root, dir)
	bad, checked := h.check(t, dir)
	t.Logf("checked %d HTML pages and %d Markdown files that differ from their baseline", checked.html, checked.markdown)
	// One report a file: what is wrong with it, and the payloads that
	// can have done it; past a dozen files, their names.
	var more []string
	for i, files := 0, 0; i < len(bad); files++ {
		j := i
		var what []string
		for ; j < len(bad) && bad[j].file == bad[i].file; j++ {
			what = append(what, "\t- "+bad[j].what)
		}
		if files >= 12 {
			more = append(more, bad[i].file)
		} else {
			t.Errorf("channel %s, %s:\n%s\n\tpayloads that reach this file:\n%s", ch, bad[i].file, strings.Join(what, "\n"), h.describe(b, bad[i].lang, bad[i].mark))
		}
		i = j
	}
	if len(more) > 0 {
		t.Errorf("channel %s: and %d more files break the rules: %s", ch, len(more), strings.Join(more, ", "))
	}
	return checked
}

// hostileResult is what a glot command did, and how long it took.
type hostileResult struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// summary says, in a line or two, how a command went: its exit code, how
// many translations it refused or held back, and what it counted.
func (r hostileResult) summary(name string) string {
	s := fmt.Sprintf("glot %s: exit %d, %d refused, %d held back", name, r.code,
		strings.Count(r.stderr, ": refused: "), strings.Count(r.stderr, "held back"))
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if r.code != 0 && l != "" && !strings.Contains(l, ": refused: ") && !strings.Contains(l, "held back") {
			s += "\n  " + l
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.Contains(l, "translated") || strings.HasPrefix(l, "glot ") {
			s += "\n  " + strings.TrimSpace(l)
		}
	}
	return s
}

// command runs glot in dir and then checks that no catalog was corrupted:
// every locales/*.toml still parses and glot status still works. A command
// may fail (a refused translation is an exit 1); it may not leave the site
// unreadable.
func (h *hostileSite) command(t *testing.T, dir string, args ...string) hostileResult {
	t.Helper()
	var out, errb bytes.Buffer
	start := time.Now()
	r := hostileResult{code: Run(append([]string{"-C", dir}, args...), &out, &errb)}
	r.took = time.Since(start)
	r.stdout, r.stderr = out.String(), errb.String()
	files, err := filepath.Glob(filepath.Join(dir, "locales", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("after glot %s: no catalogs (%v)", args[0], err)
	}
	for _, f := range files {
		if _, err := catalog.Parse(f, read(t, f)); err != nil {
			t.Errorf("after glot %s: %s no longer parses: %v", args[0], filepath.Base(f), err)
		}
	}
	var sout, serr bytes.Buffer
	if code := Run([]string{"-C", dir, "status"}, &sout, &serr); code != 0 {
		t.Errorf("after glot %s: glot status: exit %d\n%s", args[0], code, serr.String())
	}
	return r
}

// fillTranslate writes the batch's payloads into a translate file as a
// translator does: between the quotes of each empty form of each message,
// in TOML's escapes. Beside a payload written for [[ ]], an interface
// message also gets leftdelim and rightdelim, the go-i18n keys that would
// make [[ ]] template delimiters.
func (h *hostileSite) fillTranslate(t *testing.T, file string, assign map[string]int) {
	t.Helper()
	lines := strings.SplitAfter(string(read(t, file)), "\n")
	id := ""
	done := map[string]bool{}
	for i, l := range lines {
		trim := strings.TrimSpace(l)
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			id = strings.Trim(trim, `[]"`)
			continue
		}
		p, ok := assign[id]
		if !ok {
			continue
		}
		for _, form := range []string{"zero", "one", "two", "few", "many", "other"} {
			if trim != form+` = ""` {
				continue
			}
			lines[i] = form + " = " + catalog.Quote(hostileJoin(h.tokens(id, h.payloads[p].text))) + "\n"
			if form == "other" && strings.HasPrefix(id, "ui-") && hostileDelims(h.payloads[p].text) {
				lines[i] += "leftdelim = \"[[\"\nrightdelim = \"]]\"\n"
			}
			done[id] = true
		}
	}
	for id := range assign {
		if !done[id] {
			t.Fatalf("%s has no empty translation of %s to fill in", file, id)
		}
	}
	write(t, file, strings.Join(lines, ""))
	if _, err := catalog.Parse(file, read(t, file)); err != nil {
		t.Fatalf("the test wrote a translate file that does not parse: %v", err)
	}
}

// editPO fills in the msgstr of each message given a payload, as a PO
// editor writes it: one line, in C escapes (\n, \t, \", \\; any other
// control character and any byte that is not UTF-8 as an octal escape, as
// gettext reads them).
func (h *hostileSite) editPO(t *testing.T, data []byte, assign map[string]int) []byte {
	t.Helper()
	lines := strings.SplitAfter(string(data), "\n")
	id := ""
	done := map[string]bool{}
	for i, l := range lines {
		if v, ok := strings.CutPrefix(l, "msgctxt "); ok {
			s, err := strconv.Unquote(strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("glot export wrote %q", l)
			}
			id = s
			continue
		}
		// A message with plural forms has a msgstr[i] for each form.
		if kw, _, _ := strings.Cut(l, " "); (kw == "msgstr" || strings.HasPrefix(kw, "msgstr[")) && id != "" {
			if p, ok := assign[id]; ok {
				lines[i] = kw + " " + hostilePOQuote(hostileJoin(h.tokens(id, h.payloads[p].text))) + "\n"
				done[id] = true
			}
			if kw == "msgstr" {
				id = ""
			}
		}
	}
	for id := range assign {
		if !done[id] {
			t.Fatalf("the PO file has no entry for %s", id)
		}
	}
	return []byte(strings.Join(lines, ""))
}

func hostilePOQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\%03o`, s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// editXLIFF adds a <target> to each unit given a payload, its text escaped
// by encoding/xml and its tags as the <pc> and <ph> of the source, and
// marks the segment translated. XML cannot hold most control characters:
// encoding/xml writes U+FFFD for them, as a translator's tool must.
func (h *hostileSite) editXLIFF(t *testing.T, data []byte, assign map[string]int) []byte {
	t.Helper()
	s := string(data)
	for _, id := range slices.Sorted(maps.Keys(assign)) {
		// A message is a unit, or, with plural forms, a group of units,
		// one a form, each of which gets the payload.
		start, close := strings.Index(s, `<unit id="`+hostileXMLText(id)+`"`), "</unit>"
		if start < 0 {
			start, close = strings.Index(s, `<group id="`+hostileXMLText(id)+`"`), "</group>"
		}
		if start < 0 {
			t.Fatalf("the XLIFF file has no unit %s", id)
		}
		end := start + strings.Index(s[start:], close)
		unit := s[start:end]
		if !strings.Contains(unit, "</source>") || strings.Contains(unit, "<target") {
			t.Fatalf("unit %s of the XLIFF file is not an untranslated segment:\n%s", id, unit)
		}
		var target strings.Builder
		for _, tok := range h.tokens(id, h.payloads[assign[id]].text) {
			switch tok.Kind {
			case msgtext.Text:
				target.WriteString(hostileXMLText(tok.Text))
			case msgtext.Open:
				fmt.Fprintf(&target, `<pc id="%d">`, tok.N)
			case msgtext.Close:
				target.WriteString("</pc>")
			case msgtext.Atom:
				fmt.Fprintf(&target, `<ph id="%d"/>`, tok.N)
			}
		}
		unit = strings.ReplaceAll(unit, "</source>", "</source>\n    <target>"+target.String()+"</target>")
		unit = strings.ReplaceAll(unit, `<segment state="initial">`, `<segment state="translated">`)
		s = s[:start] + unit + s[end:]
	}
	hostileWellFormed(t, "XLIFF", s)
	return []byte(s)
}

// editTMX adds a <tuv> in lang to each translation unit given a payload,
// its tags as the <bpt>, <ept> and <ph> TMX has for them.
func (h *hostileSite) editTMX(t *testing.T, data []byte, lang string, assign map[string]int) []byte {
	t.Helper()
	s := string(data)
	for _, id := range slices.Sorted(maps.Keys(assign)) {
		// A message is a <tu>, or, with plural forms, a <tu> for each
		// form, which names the message in its x-message prop.
		var starts []int
		for at := 0; ; {
			i := strings.Index(s[at:], `<tu tuid="`+hostileXMLText(id))
			if i < 0 {
				break
			}
			at += i
			rest := s[at+len(`<tu tuid="`+hostileXMLText(id)):]
			tu := s[at : at+strings.Index(s[at:], "</tu>")]
			if strings.HasPrefix(rest, `">`) || strings.HasPrefix(rest, ".") && strings.Contains(tu, `<prop type="x-message">`+hostileXMLText(id)+"</prop>") {
				starts = append(starts, at)
			}
			at++
		}
		if len(starts) == 0 {
			t.Fatalf("the TMX file has no unit %s", id)
		}
		// From the last, so that the places of the others stand.
		for k := len(starts) - 1; k >= 0; k-- {
			s = h.fillTU(t, s, starts[k], id, lang, assign)
		}
	}
	hostileWellFormed(t, "TMX", s)
	return []byte(s)
}

// fillTU adds a <tuv> in lang to the <tu> of message id at start in s.
func (h *hostileSite) fillTU(t *testing.T, s string, start int, id, lang string, assign map[string]int) string {
	t.Helper()
	end := start + strings.Index(s[start:], "</tu>")
	unit := s[start:end]
	i := strings.Index(unit, "</tuv>")
	if i < 0 || strings.Count(unit, "<tuv") != 1 {
		t.Fatalf("unit %s of the TMX file is not an untranslated unit:\n%s", id, unit)
	}
	var seg strings.Builder
	for _, tok := range h.tokens(id, h.payloads[assign[id]].text) {
		switch tok.Kind {
		case msgtext.Text:
			seg.WriteString(hostileXMLText(tok.Text))
		case msgtext.Open:
			fmt.Fprintf(&seg, `<bpt i="%d" x="%d">%s</bpt>`, tok.N, tok.N, hostileXMLText(tok.Text))
		case msgtext.Close:
			fmt.Fprintf(&seg, `<ept i="%d">%s</ept>`, tok.N, hostileXMLText(tok.Text))
		case msgtext.Atom:
			fmt.Fprintf(&seg, `<ph x="%d">%s</ph>`, tok.N, hostileXMLText(tok.Text))
		}
	}
	i += len("</tuv>")
	unit = unit[:i] + "\n  <tuv xml:lang=\"" + lang + "\"><seg>" + seg.String() + "</seg></tuv>" + unit[i:]
	s = s[:start] + unit + s[end:]
	return s
}

func hostileXMLText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// hostileWellFormed fails the test if the test's own edit broke the file:
// a translator's tool writes well-formed XML.
func hostileWellFormed(t *testing.T, format, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the test's edit of the %s file is not well-formed XML: %v", format, err)
		}
	}
}

// describe lists the payloads that can show in a file of language lang
// built from page mark: the page's own, and the language's interface
// strings. A page in the source language shows only the URLs of its
// translations, so for it the page's payloads in every language are
// listed; with no language or page, the whole batch is.
func (h *hostileSite) describe(b hostileBatch, lang, mark string) string {
	var out []string
	for _, l := range hostileLangs {
		if lang != "" && lang != "en" && l != lang {
			continue
		}
		a := b.assign[l]
		for _, p := range h.pages {
			if mark != "" && p.mark != mark {
				continue
			}
			at := map[int][]string{}
			for _, id := range p.ids {
				if i, ok := a[id]; ok {
					at[i] = append(at[i], h.where[id])
				}
			}
			for _, i := range slices.Sorted(maps.Keys(at)) {
				where := strings.Join(at[i], ", ")
				if len(at[i]) == len(p.ids) {
					where = "every position of the pages p" + p.mark + ".md, t" + p.mark + ".md, h" + p.mark + ".html and d" + p.mark + ".html"
				}
				out = append(out, fmt.Sprintf("\t%s: %s: %s", l, where, h.payloads[i]))
			}
		}
		if lang == "en" {
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(a)) {
			if strings.HasPrefix(id, "ui-") {
				out = append(out, fmt.Sprintf("\t%s: %s: %s", l, h.where[id], h.payloads[a[id]]))
			}
		}
	}
	if len(out) == 0 {
		return "\t(no payload of the batch is on this page)"
	}
	return strings.Join(out, "\n")
}
