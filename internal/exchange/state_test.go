package exchange_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/merge"
)

// statesXLIFF has a unit in each XLIFF 2 segment state, as a translator's
// tool leaves them: drafts (initial) with and without a target, a unit
// half drafted, and a message with plural forms of which one is a draft.
const statesXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
 <file id="f1">
  <unit id="draft"><segment state="initial"><source>Draft.</source><target>Borrador.</target></segment></unit>
  <unit id="untouched"><segment state="initial"><source>Untouched.</source></segment></unit>
  <unit id="translated"><segment state="translated"><source>Translated.</source><target>Traducido.</target></segment></unit>
  <unit id="reviewed"><segment state="reviewed"><source>Reviewed.</source><target>Revisado.</target></segment></unit>
  <unit id="final"><segment state="final"><source>Final.</source><target>Definitivo.</target></segment></unit>
  <unit id="no-state"><segment><source>No state.</source><target>Sin estado.</target></segment></unit>
  <unit id="half"><segment state="reviewed"><source>One. </source><target>Uno. </target></segment><segment state="initial"><source>Two.</source><target>Dos.</target></segment></unit>
  <unit id="mixed"><segment state="reviewed"><source>One. </source><target>Uno. </target></segment><segment state="translated"><source>Two.</source><target>Dos.</target></segment></unit>
  <group id="minutes">
   <unit id="minutes.one"><segment state="reviewed"><source>1 minute</source><target>1 minuto</target></segment></unit>
   <unit id="minutes.other"><segment state="initial"><source>{{.Count}} minutes</source><target>{{.Count}} minutos</target></segment></unit>
  </group>
 </file>
</xliff>
`

// A draft is not taken, and is counted; translated, reviewed and final
// targets are taken, and only a message whose every unit is reviewed or
// final is marked reviewed.
func TestXLIFFStates(t *testing.T) {
	t.Parallel()
	// The file is one a tool may write: valid XLIFF 2.0.
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), write(t, "states.xlf", []byte(statesXLIFF)))
	w, err := importOne("states.xlf", []byte(statesXLIFF))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"draft":      "",
		"untouched":  "",
		"translated": "Traducido.",
		"reviewed":   "Revisado.",
		"final":      "Definitivo.",
		"no-state":   "Sin estado.",
		"half":       "",
		"mixed":      "Uno. Dos.",
		"minutes":    "",
	} {
		if got := other(w, id); got != want {
			t.Errorf("%s: imported %q, want %q", id, got, want)
		}
	}
	if m := w.Translations["minutes"]; m == nil || m.One != "1 minuto" {
		t.Errorf("minutes: the translated form one is taken, the draft other is not: %+v", m)
	}
	if w.Drafts != 3 {
		t.Errorf("%d drafts left out, want 3 (draft, half, minutes)", w.Drafts)
	}
	var reviewed []string
	for id := range w.Reviewed {
		reviewed = append(reviewed, id)
	}
	slices.Sort(reviewed)
	if want := []string{"final", "reviewed"}; !slices.Equal(reviewed, want) {
		t.Errorf("marked reviewed: %v, want %v", reviewed, want)
	}
}

// A fuzzy PO entry is a draft: not taken, and counted when it holds a
// translation.
func TestPOFuzzyIsADraft(t *testing.T) {
	t.Parallel()
	po := "msgid \"\"\nmsgstr \"Language: es\\n\"\n\n" +
		"#, fuzzy\nmsgctxt \"fuzzy\"\nmsgid \"A.\"\nmsgstr \"Un borrador.\"\n\n" +
		"#, fuzzy, c-format\nmsgctxt \"fuzzy-empty\"\nmsgid \"B.\"\nmsgstr \"\"\n\n" +
		"#, fuzzy\nmsgctxt \"fuzzy-plural\"\nmsgid \"1 minute\"\nmsgid_plural \"{{.Count}} minutes\"\nmsgstr[0] \"1 minuto\"\nmsgstr[1] \"\"\nmsgstr[2] \"\"\n\n" +
		"msgctxt \"done\"\nmsgid \"C.\"\nmsgstr \"Hecho.\"\n"
	w, err := importOne("es.po", []byte(po))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"fuzzy", "fuzzy-empty", "fuzzy-plural"} {
		if _, ok := w.Translations[id]; ok {
			t.Errorf("the fuzzy entry %s is taken", id)
		}
	}
	if other(w, "done") != "Hecho." {
		t.Errorf("done: imported %q", other(w, "done"))
	}
	if w.Drafts != 2 {
		t.Errorf("%d drafts left out, want 2 (fuzzy, fuzzy-plural)", w.Drafts)
	}
	// The export's own stale entry comes back fuzzy: a draft too.
	if w, err := importOne("es.po", export(t, "po")); err != nil || w.Drafts != 1 {
		t.Errorf("an export read back: %v, %d drafts, want 1", err, w.Drafts)
	}
}

// The export says each message's state: a reviewed translation as
// reviewed (XLIFF's state, a PO comment), a stale one with no target in
// XLIFF and fuzzy with its old translation in PO, a missing one initial.
func TestExportStates(t *testing.T) {
	t.Parallel()
	s, l := site(t)
	l.Reviews = ledger.Reviews{"read-aaaa": {Translation: ledger.TextHash(l.Active.Messages["read-aaaa"])}}
	x, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "xliff", ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), write(t, "es.xlf", x))
	for id, want := range map[string]string{
		"read-aaaa":   `<segment state="reviewed">`,
		"edited-bbbb": "<segment state=\"initial\">\n    <source>The text as it is now.</source>\n   </segment>",
		"new-cccc":    "<segment state=\"initial\">\n    <source>A &#34;new&#34; sentence.</source>\n   </segment>",
	} {
		unit := string(x)[strings.Index(string(x), `<unit id="`+id+`"`):]
		unit = unit[:strings.Index(unit, "</unit>")]
		if !strings.Contains(unit, want) {
			t.Errorf("%s: the unit lacks %q:\n%s", id, want, unit)
		}
	}
	p, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", ContentName: "content", Date: exportDate})
	if err != nil {
		t.Fatal(err)
	}
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, write(t, "es.po", p))
	for _, want := range []string{
		"#. reviewed in glot: a change needs a new review\n#: content/a.md:3\nmsgctxt \"read-aaaa\"",
		"#, fuzzy\n#| msgctxt \"old-bbbb\"\n#| msgid \"The text as it was.\"\nmsgctxt \"edited-bbbb\"\nmsgid \"The text as it is now.\"\nmsgstr \"El texto como era.\"",
	} {
		if !strings.Contains(string(p), want) {
			t.Errorf("PO lacks %q:\n%s", want, p)
		}
	}
	if strings.Count(string(p), "reviewed in glot") != 1 {
		t.Errorf("only read-aaaa is reviewed:\n%s", p)
	}
}

// A translator's XLIFF comes back with a reviewed unit left as it was
// exported, a new translation marked final and a draft: the draft is left
// out; the other two are taken, and their review recorded in the review
// file, as glot approve records it, only when the importer trusts it.
func TestImportReview(t *testing.T) {
	t.Parallel()
	x := string(export(t, "xliff"))
	for _, r := range [][2]string{
		{`<segment state="translated">`, `<segment state="reviewed">`},
		{"<segment state=\"initial\">\n    <source>A &#34;new&#34; sentence.</source>", "<segment state=\"final\">\n    <source>A &#34;new&#34; sentence.</source>\n    <target>Una frase «nueva».</target>"},
		{"<segment state=\"initial\">\n    <source>The text as it is now.</source>", "<segment state=\"initial\">\n    <source>The text as it is now.</source>\n    <target>El texto como es (borrador).</target>"},
	} {
		if strings.Count(x, r[0]) != 1 {
			t.Fatalf("the export lacks %q:\n%s", r[0], x)
		}
		x = strings.Replace(x, r[0], r[1], 1)
	}
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), write(t, "es.xlf", []byte(x)))
	w, err := importOne("es.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	if w.Drafts != 1 {
		t.Errorf("%d drafts, want 1", w.Drafts)
	}
	for _, trust := range []bool{false, true} {
		s, l := site(t)
		res, err := merge.Run(s, l, merge.Options{TrustReview: trust, Imported: []merge.Imported{{File: "es.xlf", Translations: w.Translations, Lines: w.Lines, Reviewed: w.Reviewed}}})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range res.Plan.Writes {
			files[f.Path] = f.Data
		}
		if res.Folded != 1 || !strings.Contains(string(files["active.es.toml"]), "Una frase «nueva».") || strings.Contains(string(files["active.es.toml"]), "borrador") {
			t.Errorf("trust %v: %d taken, want new-cccc alone:\n%s", trust, res.Folded, files["active.es.toml"])
		}
		review, written := files[filepath.ToSlash(ledger.ReviewPath("es"))]
		if !trust {
			if written || res.Reviewed != 0 || res.Unreviewed["es.xlf"] != 2 {
				t.Errorf("without trust: %d reviewed, %v taken as translated, review file %q", res.Reviewed, res.Unreviewed, review)
			}
			continue
		}
		if res.Reviewed != 2 || len(res.Unreviewed) != 0 {
			t.Errorf("with trust: %d reviewed, %v taken as translated, want 2 and none", res.Reviewed, res.Unreviewed)
		}
		// The review file holds each translation's hash, as glot approve
		// writes it, for the text now in force.
		active, err := catalog.Parse("active.es.toml", files["active.es.toml"])
		if err != nil {
			t.Fatal(err)
		}
		rs, err := ledger.ParseReviews("review.es.toml", review)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 2 {
			t.Errorf("review file:\n%s", review)
		}
		for _, id := range []string{"read-aaaa", "new-cccc"} {
			if rs[id].Translation != ledger.TextHash(active.Messages[id]) {
				t.Errorf("%s is not recorded reviewed for its text in force:\n%s", id, review)
			}
		}
	}
}

// A translation held back by a blocking check (a changed number) is not
// released by a tool's review, even a trusted one: glot approve releases
// one only when it is named.
func TestTrustedReviewReleasesNothingHeld(t *testing.T) {
	t.Parallel()
	x := string(export(t, "xliff"))
	for _, r := range [][2]string{{`<segment state="translated">`, `<segment state="reviewed">`}, {"tome 0,5 mg", "tome 5 mg"}} {
		if strings.Count(x, r[0]) != 1 {
			t.Fatalf("the export lacks %q:\n%s", r[0], x)
		}
		x = strings.Replace(x, r[0], r[1], 1)
	}
	w, err := importOne("es.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	s, l := site(t)
	res, err := merge.Run(s, l, merge.Options{TrustReview: true, Imported: []merge.Imported{{File: "es.xlf", Translations: w.Translations, Lines: w.Lines, Reviewed: w.Reviewed}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Held) != 1 || res.Held[0].ID != "read-aaaa" || res.Reviewed != 0 {
		t.Errorf("held %v, %d reviewed; want read-aaaa held and none reviewed", res.Held, res.Reviewed)
	}
	for _, f := range res.Plan.Writes {
		if f.Path == filepath.ToSlash(ledger.ReviewPath("es")) && strings.Contains(string(f.Data), "read-aaaa") {
			t.Errorf("the held translation is recorded reviewed:\n%s", f.Data)
		}
	}
}
