package langtag

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// NumberingSystem reports whether x/text writes digits in the CLDR
// numbering system nu ("latn", "arab", ...): its digits differ from
// 0-9, or it is latn itself.
func NumberingSystem(nu string) bool {
	if nu == "latn" {
		return true
	}
	tag, err := language.Parse("en-u-nu-" + nu)
	if err != nil {
		return false
	}
	return message.NewPrinter(tag).Sprint(number.Decimal(7)) != "7"
}
