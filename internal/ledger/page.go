package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// ParsePage reads a page record. A large site has one for each of tens of
// thousands of pages, which every compile of its source reads: they are
// read with go-toml's parser, several times faster than a decoder into
// structs. Keys a record does not have are ignored, as a decoder would.
func ParsePage(file string, data []byte) (*Page, error) {
	var p parser
	p.Reset(data)
	page := &Page{}
	var b *Block
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.ArrayTable:
			if k := keyOf(e); k != "block" {
				return nil, p.at(file, e, fmt.Errorf("unknown table [[%s]]", k))
			}
			page.Blocks = append(page.Blocks, Block{})
			b = &page.Blocks[len(page.Blocks)-1]
		case unstable.Table:
			return nil, p.at(file, e, fmt.Errorf("unknown table [%s]", keyOf(e)))
		case unstable.KeyValue:
			if b == nil {
				// The page's own keys come before its blocks; any
				// other is not a record's.
				switch keyOf(e) {
				case "weight":
					if err := setWeight(page, e.Value()); err != nil {
						return nil, p.at(file, e, err)
					}
				case "hash":
					v := e.Value()
					if v.Kind != unstable.String {
						return nil, p.at(file, e, fmt.Errorf("hash must be a string"))
					}
					page.Hash = string(v.Data)
				}
				continue
			}
			if err := setField(b, keyOf(e), e.Value()); err != nil {
				return nil, p.at(file, e, err)
			}
		}
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) && pe.Highlight != nil {
			r := p.Range(pe.Highlight)
			s := p.Shape(r)
			return nil, fileerr.At(file, s.Start.Line, s.Start.Column, errors.New(pe.Message))
		}
		return nil, fileerr.At(file, 0, 0, err)
	}
	for i, b := range page.Blocks {
		if b.ID == "" {
			return nil, fileerr.At(file, 0, 0, fmt.Errorf("block %d has no id", i+1))
		}
	}
	return page, nil
}

type parser struct{ unstable.Parser }

func (p *parser) at(file string, n *unstable.Node, err error) error {
	s := p.Shape(n.Raw)
	if n.Raw.Length == 0 {
		// An expression's own range is empty; its key's is not.
		if it := n.Key(); it.Next() {
			s = p.Shape(it.Node().Raw)
		}
	}
	return fileerr.At(file, s.Start.Line, 0, err)
}

// keyOf is the dotted key of a table or key-value.
func keyOf(e *unstable.Node) string {
	var b bytes.Buffer
	it := e.Key()
	for it.Next() {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.Write(it.Node().Data)
	}
	return b.String()
}

func setWeight(page *Page, v *unstable.Node) error {
	if v.Kind != unstable.Integer {
		return fmt.Errorf("weight must be a whole number")
	}
	n, err := strconv.ParseInt(string(bytes.ReplaceAll(v.Data, []byte("_"), nil)), 0, 32)
	if err != nil {
		return fmt.Errorf("weight: %w", err)
	}
	page.Weight = int(n)
	return nil
}

func setField(b *Block, key string, v *unstable.Node) error {
	str := func(dst *string) error {
		if v.Kind != unstable.String {
			return fmt.Errorf("%s must be a string", key)
		}
		*dst = string(v.Data)
		return nil
	}
	list := func(dst *[]string) error {
		if v.Kind != unstable.Array {
			return fmt.Errorf("%s must be a list of strings", key)
		}
		it := v.Children()
		for it.Next() {
			if it.Node().Kind != unstable.String {
				return fmt.Errorf("%s must be a list of strings", key)
			}
			*dst = append(*dst, string(it.Node().Data))
		}
		return nil
	}
	switch key {
	case "id":
		return str(&b.ID)
	case "kind":
		return str(&b.Kind)
	case "context":
		return str(&b.Context)
	case "where":
		return str(&b.Where)
	case "line":
		if v.Kind != unstable.Integer {
			return fmt.Errorf("line must be a number")
		}
		n, err := strconv.ParseInt(string(bytes.ReplaceAll(v.Data, []byte("_"), nil)), 0, 64)
		if err != nil {
			return fmt.Errorf("line: %w", err)
		}
		b.Line = int(n)
	case "codes":
		return list(&b.Codes)
	case "was":
		return list(&b.Was)
	}
	return nil
}
