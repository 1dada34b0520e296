package segment

import (
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Attributes are the HTML attributes whose values are translated by
// default. value is translated only on buttons (input type button, submit
// and reset), content only on <meta> elements named in MetaNames.
var Attributes = []string{"alt", "title", "placeholder", "aria-label", "aria-description", "value", "content"}

// MetaNames are the <meta> elements, by name or property, whose content
// is translated.
var MetaNames = []string{"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title", "twitter:description", "twitter:image:alt"}

// NoTranslateClasses mark an element, by default, as one whose text is not
// translated, as translate="no" does.
var NoTranslateClasses = []string{"notranslate"}

// noTranslate reports whether a start tag keeps its element out of the
// catalogs: translate="no" (W3C ITS) or a no-translate class.
func (hs *htmlSegmenter) noTranslate(attrs []Attr) bool {
	classes := NoTranslateClasses
	if hs.rules != nil && len(hs.rules.NoTranslateClasses) > 0 {
		classes = hs.rules.NoTranslateClasses
	}
	for _, a := range attrs {
		switch a.Name {
		case "translate":
			if strings.EqualFold(strings.TrimSpace(a.Value), "no") {
				return true
			}
		case "class":
			for _, c := range strings.Fields(a.Value) {
				if slices.Contains(classes, c) {
					return true
				}
			}
		}
	}
	return false
}

// attributes makes a segment of each translatable attribute of a start tag.
func (hs *htmlSegmenter) attributes(tag string, attrs []Attr) {
	wanted := Attributes
	if hs.rules != nil && len(hs.rules.Attributes) > 0 {
		wanted = hs.rules.Attributes
	}
	for _, a := range attrs {
		if a.ValStart < 0 || !slices.Contains(wanted, a.Name) {
			continue
		}
		kind, ok := attrKind(tag, a.Name, attrs)
		if !ok {
			continue
		}
		s := Segment{Kind: kind, Start: hs.base + a.ValStart, End: hs.base + a.ValEnd, Syntax: HTMLAttr, Quote: a.Quote}
		if k := markAt(hs.marks, a.ValStart); k < len(hs.marks) && hs.marks[k].start < a.ValEnd {
			// A shortcode in the value is kept as written, a placeholder.
			var b strings.Builder
			hs.text(&b, &s.Codes, a.ValStart, hs.src[a.ValStart:a.ValEnd])
			s.Text = msgtext.Normalize(b.String())
		} else {
			s.Text, s.Codes = literalTags(msgtext.Normalize(a.Value), HTMLAttr)
		}
		if !msgtext.HasWords(s.Text) {
			continue
		}
		hs.page.Segments = append(hs.page.Segments, s)
	}
}

// attrKind is the kind of the segment of attribute name on a start tag
// of element tag: false for a value that is not a button's label, or a
// content that is not that of a <meta> named in MetaNames, for those are
// data, not text.
func attrKind(tag, name string, attrs []Attr) (string, bool) {
	switch name {
	case "title":
		return "title attribute", true
	case "value":
		return name, tag == "input" && slices.Contains([]string{"button", "submit", "reset"}, attrValue(attrs, "type"))
	case "content":
		meta := attrValue(attrs, "name")
		if meta == "" {
			meta = attrValue(attrs, "property")
		}
		return meta, tag == "meta" && slices.Contains(MetaNames, meta)
	}
	return name, true
}

// attrValue is the value of attribute name among attrs, trimmed and in
// lower case, as a keyword is compared, or "".
func attrValue(attrs []Attr, name string) string {
	for _, a := range attrs {
		if a.Name == name {
			return strings.ToLower(strings.TrimSpace(a.Value))
		}
	}
	return ""
}
