package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// The three XML importers, of XLIFF 2, XLIFF 1.2 and TMX, read their
// documents alike: encoding/xml over a text that decode has turned into
// UTF-8 already, token by token, an element of no interest to them passed
// over with all it holds, and an error placed where the decoder stands.
// walkXML does that once, and the DOCTYPE is refused once, by Import,
// before the format is told (see refuseDTD); each importer is an
// xmlHandler, a small type holding the state of its walk with a method
// for each kind of element it reads.

// xmlHandler reads the tokens of an XML document for walkXML.
type xmlHandler interface {
	// start reads the start of an element, whose start tag ends on
	// line; pass says to pass over the element with all it holds, its
	// end included.
	start(t xml.StartElement, line int) (pass bool, err error)
	// end reads the end of an element, whose end tag ends on line.
	end(t xml.EndElement, line int) error
	// chars reads character data, which is only valid until the next
	// token.
	chars(s xml.CharData)
}

// walkXML reads data, the text of file, to its end with h. An error of the
// decoder or of h is placed where the decoder stands (see xmlError).
func walkXML(file string, data []byte, h xmlHandler) error {
	d := xmlDecoder(data)
	pass := 0 // the depth of the element being passed over
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError(file, d, err)
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			if pass > 0 {
				pass++
				continue
			}
			p, err := h.start(t, line)
			if err != nil {
				return xmlError(file, d, err)
			}
			if p {
				pass = 1
			}
		case xml.EndElement:
			if pass > 0 {
				pass--
				continue
			}
			if err := h.end(t, line); err != nil {
				return xmlError(file, d, err)
			}
		case xml.CharData:
			if pass == 0 {
				h.chars(t)
			}
		}
	}
}

// xmlRoot returns the name of the root element of an XML text, as the
// decoder reads it, its namespace resolved; ok is false when the text is
// not well-formed before it.
func xmlRoot(data []byte) (name xml.Name, ok bool) {
	d := xmlDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.Name{}, false
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t.Name, true
		}
	}
}

// xmlDecoder reads an XML text that decode has turned into UTF-8 already:
// the encoding its declaration names is the one it was in.
func xmlDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

// xmlError positions err, met by d reading file: a syntax error at the
// line encoding/xml gives, an error a handler placed itself where it
// says, any other where d stands.
func xmlError(file string, d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fileerr.At(file, se.Line, 0, errors.New(se.Msg))
	}
	var fe *fileerr.Error
	if errors.As(err, &fe) {
		return err
	}
	line, col := d.InputPos()
	return fileerr.At(file, line, col, err)
}

// attrOf returns a function that gives the value of an attribute of t
// in no namespace, "" for none.
func attrOf(t xml.StartElement) func(string) string {
	return func(name string) string {
		for _, a := range t.Attr {
			if a.Name.Local == name && a.Name.Space == "" {
				return a.Value
			}
		}
		return ""
	}
}

// anyAttr gives the value of the attribute of t named name in any
// namespace, "" for none: TMX's xml:lang is TMX 1.1's lang.
func anyAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// refuseDTD refuses an XML text whose DOCTYPE has an internal subset.
// It is asked before the format is told: the subset's ">"s hide the
// first element from firstElement.
func refuseDTD(file string, data []byte) error {
	i := internalSubset(data)
	if i < 0 {
		return nil
	}
	return fileerr.At(file, 1+bytes.Count(data[:i], []byte("\n")), 0, errors.New("the DOCTYPE declares entities or elements of its own (an internal subset): glot reads no DTD, so that a file can neither reach other files nor grow without bound; save it without one"))
}

// doctypeRE finds a DOCTYPE with an internal subset: its "[".
var doctypeRE = regexp.MustCompile(`<!DOCTYPE[^>\[]*\[`)

// internalSubset returns where the prolog of an XML text declares a DOCTYPE
// with an internal subset, or -1. Only the text before the first element
// is looked at.
func internalSubset(data []byte) int {
	prolog := data
	for i := 0; i < len(data); i++ {
		if data[i] == '<' && i+1 < len(data) && data[i+1] != '?' && data[i+1] != '!' {
			prolog = data[:i]
			break
		}
	}
	if m := doctypeRE.FindIndex(prolog); m != nil {
		return m[0]
	}
	return -1
}
