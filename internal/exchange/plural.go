package exchange

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/langtag"
)

// gettextFormulas are gettext plural formulas (the C expression of a PO
// file's Plural-Forms header) by language. Index i of a formula stands for
// the language's i-th CLDR plural form in the order zero, one, two, few,
// many, other, as go-i18n knows them (langtag.PluralForms): the forms a
// translation must have. So they are not always gettext's customary
// formulas: Spanish has three forms here (one, many, other), since CLDR
// puts a million in "many", and Russian four, the fourth ("other") for
// fractions, which no integer count reaches.
var gettextFormulas = map[string]string{
	"ar":    "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5",
	"cs":    "n==1 ? 0 : n>=2 && n<=4 ? 1 : 3",
	"de":    "n!=1",
	"en":    "n!=1",
	"es":    "n==1 ? 0 : n!=0 && n%1000000==0 ? 1 : 2",
	"fr":    "n==0 || n==1 ? 0 : n%1000000==0 ? 1 : 2",
	"he":    "n==1 ? 0 : n==2 ? 1 : 2",
	"hi":    "n==0 || n==1 ? 0 : 1",
	"id":    "0",
	"it":    "n==1 ? 0 : n!=0 && n%1000000==0 ? 1 : 2",
	"ja":    "0",
	"ko":    "0",
	"nl":    "n!=1",
	"pl":    "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2",
	"pt":    "n==0 || n==1 ? 0 : n%1000000==0 ? 1 : 2",
	"pt-BR": "n==0 || n==1 ? 0 : n%1000000==0 ? 1 : 2",
	"pt-PT": "n==1 ? 0 : n!=0 && n%1000000==0 ? 1 : 2",
	"ru":    "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2",
	"sv":    "n!=1",
	"tr":    "n!=1",
	"uk":    "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2",
	"zh":    "0",
}

// pluralRule is how a PO file of one language numbers its plural forms.
type pluralRule struct {
	forms []string // msgstr[i] holds forms[i]
	expr  string   // the C expression, as the Plural-Forms header has it
	eval  func(n uint64) (uint64, bool)
}

// header is the rule's Plural-Forms header value.
func (r *pluralRule) header() string {
	return fmt.Sprintf("nplurals=%d; plural=(%s);", len(r.forms), r.expr)
}

// checkCounts are the counts a formula is checked on against go-i18n's
// rules: every integer to 1000 reaches every remainder by 10, 100 and
// 1000; the millions reach CLDR's "many" of Spanish, French and Italian.
var checkCounts = func() []uint64 {
	var ns []uint64
	for n := uint64(0); n <= 1000; n++ {
		ns = append(ns, n)
	}
	return append(ns, 1001, 10000, 100000, 1000000, 1000001, 2000000, 10000000, 1000000000)
}()

// agrees reports the first count of checkCounts on which the formula
// eval, read with forms, names another plural form than go-i18n picks
// for lang; ok is true when there is none.
func agrees(lang string, forms []string, eval func(uint64) (uint64, bool)) (n uint64, got string, ok bool) {
	for _, n := range checkCounts {
		i, valid := eval(n)
		got := ""
		if valid && i < uint64(len(forms)) {
			got = forms[i]
		}
		if got == "" || got != langtag.PluralForm(lang, int64(n)) {
			return n, got, false
		}
	}
	return 0, "", true
}

// pluralRuleOf returns the gettext plural rule of lang: the formula the
// table has for its tag, or else the first that passes of the one for its
// language and then every other formula of the table (Swahili gets
// German's, Angolan Portuguese European Portuguese's). A formula passes
// when it picks, for every count of checkCounts, the plural form go-i18n
// picks, which is what a page shows; a language with no formula that
// passes is an error.
func pluralRuleOf(lang string) (*pluralRule, error) {
	if r, ok := pluralRules.Load(lang); ok {
		r := r.(ruleOrError)
		return r.rule, r.err
	}
	r, err := findPluralRule(lang)
	pluralRules.Store(lang, ruleOrError{r, err})
	return r, err
}

// ruleOrError is what pluralRuleOf found for a language.
type ruleOrError struct {
	rule *pluralRule
	err  error
}

func findPluralRule(lang string) (*pluralRule, error) {
	forms := langtag.PluralForms(lang)
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("no plural rule for %q: %w", lang, err)
	}
	try := func(expr string) (*pluralRule, uint64, string, error) {
		eval, err := parsePlural(expr)
		if err != nil {
			return nil, 0, "", fmt.Errorf("the gettext plural formula %q: %w", expr, err)
		}
		if n, got, ok := agrees(lang, forms, eval); !ok {
			return nil, n, got, nil
		}
		return &pluralRule{forms: forms, expr: expr, eval: eval}, 0, "", nil
	}
	if expr, ok := gettextFormulas[tag.String()]; ok {
		r, n, got, err := try(expr)
		if r == nil && err == nil {
			err = fmt.Errorf("the gettext plural formula of %s puts %d in the form %q, where CLDR puts it in %q", lang, n, got, langtag.PluralForm(lang, int64(n)))
		}
		return r, err
	}
	base, _ := tag.Base()
	var candidates []string
	if expr, ok := gettextFormulas[base.String()]; ok {
		candidates = append(candidates, expr)
	}
	if len(forms) == 1 {
		candidates = append(candidates, "0")
	}
	for _, k := range slices.Sorted(maps.Keys(gettextFormulas)) {
		if !slices.Contains(candidates, gettextFormulas[k]) {
			candidates = append(candidates, gettextFormulas[k])
		}
	}
	for _, expr := range candidates {
		if r, _, _, err := try(expr); r != nil || err != nil {
			return r, err
		}
	}
	return nil, fmt.Errorf("glot knows no gettext plural formula for %s (its plural forms: %s): exchange its plural messages as XLIFF or TMX", lang, strings.Join(forms, ", "))
}

// pluralRules memoizes pluralRuleOf, which asks go-i18n about a thousand
// counts for each formula it checks.
var pluralRules sync.Map

// parsePluralForms reads the value of a Plural-Forms header:
// "nplurals=N; plural=EXPR;".
func parsePluralForms(v string) (n int, eval func(uint64) (uint64, bool), err error) {
	seen := false
	for _, part := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "nplurals":
			n, err = strconv.Atoi(strings.TrimSpace(val))
			if err != nil || n < 1 {
				return 0, nil, fmt.Errorf("nplurals=%s is no number of forms", strings.TrimSpace(val))
			}
			seen = true
		case "plural":
			if eval, err = parsePlural(val); err != nil {
				return 0, nil, fmt.Errorf("plural=%s: %w", strings.TrimSpace(val), err)
			}
		}
	}
	if !seen {
		return 0, nil, errors.New("no nplurals")
	}
	return n, eval, nil
}

// parsePlural compiles a gettext plural expression: C's ?:, ||, &&, ==,
// !=, <, >, <=, >=, +, -, *, /, % and !, over n and decimal numbers, as
// gettext evaluates it, in unsigned long arithmetic. The evaluator it
// returns says false where gettext's would divide by zero.
func parsePlural(s string) (func(n uint64) (uint64, bool), error) {
	p := &plParser{s: s}
	e, err := p.ternary(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, fmt.Errorf("unexpected %q at column %d", p.s[p.i:], p.i+1)
	}
	return func(n uint64) (uint64, bool) {
		ok := true
		v := e(n, &ok)
		return v, ok
	}, nil
}

// plExpr is a compiled expression; it clears *ok on a division by zero.
type plExpr func(n uint64, ok *bool) uint64

type plParser struct {
	s string
	i int
}

// maxPluralDepth bounds the nesting of an expression, which a file can
// make as deep as it is long.
const maxPluralDepth = 64

func (p *plParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *plParser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *plParser) ternary(depth int) (plExpr, error) {
	if depth > maxPluralDepth {
		return nil, errors.New("the expression is nested too deep")
	}
	c, err := p.binary(0, depth)
	if err != nil {
		return nil, err
	}
	if !p.eat("?") {
		return c, nil
	}
	a, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	if !p.eat(":") {
		return nil, fmt.Errorf("a ? with no : at column %d", p.i+1)
	}
	b, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	return func(n uint64, ok *bool) uint64 {
		if c(n, ok) != 0 {
			return a(n, ok)
		}
		return b(n, ok)
	}, nil
}

// plLevels are C's binary operators, loosest first; at each level the
// longer operators come before their prefixes.
var plLevels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}

func (p *plParser) binary(level, depth int) (plExpr, error) {
	if level == len(plLevels) {
		return p.unary(depth)
	}
	l, err := p.binary(level+1, depth)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range plLevels[level] {
			// "|" and "&" are no operators of the grammar, and "!" alone
			// is unary: look for the whole operator.
			if p.eat(o) {
				op = o
				break
			}
		}
		if op == "" {
			return l, nil
		}
		r, err := p.binary(level+1, depth)
		if err != nil {
			return nil, err
		}
		l = plBinary(op, l, r)
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func plBinary(op string, l, r plExpr) plExpr {
	switch op {
	case "||":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) != 0 || r(n, ok) != 0) }
	case "&&":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) != 0 && r(n, ok) != 0) }
	case "==":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) == r(n, ok)) }
	case "!=":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) != r(n, ok)) }
	case "<=":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) <= r(n, ok)) }
	case ">=":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) >= r(n, ok)) }
	case "<":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) < r(n, ok)) }
	case ">":
		return func(n uint64, ok *bool) uint64 { return b2u(l(n, ok) > r(n, ok)) }
	case "+":
		return func(n uint64, ok *bool) uint64 { return l(n, ok) + r(n, ok) }
	case "-":
		return func(n uint64, ok *bool) uint64 { return l(n, ok) - r(n, ok) }
	case "*":
		return func(n uint64, ok *bool) uint64 { return l(n, ok) * r(n, ok) }
	}
	div := op == "/"
	return func(n uint64, ok *bool) uint64 {
		a, b := l(n, ok), r(n, ok)
		if b == 0 {
			*ok = false
			return 0
		}
		if div {
			return a / b
		}
		return a % b
	}
}

func (p *plParser) unary(depth int) (plExpr, error) {
	if depth > maxPluralDepth {
		return nil, errors.New("the expression is nested too deep")
	}
	p.space()
	switch {
	case p.i >= len(p.s):
		return nil, errors.New("the expression ends too soon")
	case p.s[p.i] == '!' && !strings.HasPrefix(p.s[p.i:], "!="):
		p.i++
		e, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return func(n uint64, ok *bool) uint64 { return b2u(e(n, ok) == 0) }, nil
	case p.s[p.i] == '(':
		p.i++
		e, err := p.ternary(depth + 1)
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, fmt.Errorf("a ( with no ) at column %d", p.i+1)
		}
		return e, nil
	case p.s[p.i] == 'n':
		p.i++
		return func(n uint64, _ *bool) uint64 { return n }, nil
	case p.s[p.i] >= '0' && p.s[p.i] <= '9':
		j := p.i
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
		v, err := strconv.ParseUint(p.s[p.i:j], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("the number %s at column %d: %w", p.s[p.i:j], p.i+1, err)
		}
		p.i = j
		return func(uint64, *bool) uint64 { return v }, nil
	}
	return nil, fmt.Errorf("unexpected %q at column %d", p.s[p.i:], p.i+1)
}

// agrees checks the value of a file's Plural-Forms header against r, the
// rule of lang: the same number of forms, and a formula that numbers them
// as r's does.
func (r *pluralRule) agrees(lang, header string) error {
	if strings.Contains(header, "nplurals=INTEGER") {
		// msginit leaves a template's placeholder for a language its
		// table lacks (gettext 0.21 has no Arabic).
		return fmt.Errorf("Plural-Forms is still the template's %q: put %s's, Plural-Forms: %s", header, lang, r.header())
	}
	n, eval, err := parsePluralForms(header)
	if err != nil {
		return fmt.Errorf("Plural-Forms: %w", err)
	}
	if n != len(r.forms) {
		return fmt.Errorf("Plural-Forms says nplurals=%d, but %s has %d plural forms (%s), numbered by Plural-Forms: %s", n, lang, len(r.forms), strings.Join(r.forms, ", "), r.header())
	}
	if eval == nil {
		return nil
	}
	for _, c := range checkCounts {
		got, ok := eval(c)
		want, _ := r.eval(c)
		if !ok || got != want {
			return fmt.Errorf("Plural-Forms puts %d in msgstr[%d], where %s's %s form is msgstr[%d], numbered by Plural-Forms: %s", c, got, lang, r.forms[want], want, r.header())
		}
	}
	return nil
}
