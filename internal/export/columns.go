package export

import (
	"strconv"
	"strings"
	"time"

	"carnet/internal/domain"
	"carnet/internal/phone"
)

// cellKind says how a column's values are written: XLSX keeps numbers and
// dates as such, CSV writes them in the user's format.
type cellKind int

const (
	cellText       cellKind = iota
	cellIdentifier          // text that must stay text: leading zeros, long digits
	cellInteger             // the internal ID
	cellMoney               // cents, written with two decimals
	cellPercent             // hundredths of a percent, written as 12.5
	cellDate                // a day
)

// column is one column of a spreadsheet export.
type column struct {
	header string
	kind   cellKind
	// value returns the cell: a string (text and identifier), an int64
	// (integer, money, percent) or a time.Time (date, zero when empty).
	value func(c *domain.Customer) any
}

// readOnlyColumns go out after the fields an import writes: what Carnet
// computes. The importer recognises their headers and leaves them alone.
var readOnlyColumns = []string{"applicable_discount", "created_at", "updated_at"}

// spreadsheetColumns are the columns of a re-importable export, headed by
// the labels the importer recognises in lang: the internal ID, every field
// an import can write (the balance included), the active custom fields by
// name, then the read-only ones.
func spreadsheetColumns(lang string, custom []domain.CustomField) []column {
	var cols []column
	for _, f := range domain.Fields {
		if f.Computed && f.Key != "balance" {
			continue
		}
		cols = append(cols, fieldColumn(f, lang))
	}
	for _, cf := range custom {
		cols = append(cols, customColumn(cf, lang))
	}
	for _, key := range readOnlyColumns {
		if f, ok := domain.FieldByKey(key); ok {
			cols = append(cols, fieldColumn(f, lang))
		}
	}
	return cols
}

// fieldColumn is the column of one built-in field. Values come from the
// domain's accessors (Customer.Get), which the importer writes through:
// what goes out is what comes back in.
func fieldColumn(f domain.FieldDef, lang string) column {
	col := column{header: f.Label(lang), kind: cellText}
	switch f.Type {
	case domain.TypeIdentifier, domain.TypePostcode, domain.TypeSIRET, domain.TypeVAT, domain.TypeIBAN,
		domain.TypePhones, domain.TypePhone:
		col.kind = cellIdentifier
	case domain.TypeID, domain.TypeInteger:
		col.kind = cellInteger
	case domain.TypeMoney:
		col.kind = cellMoney
	case domain.TypePercent:
		col.kind = cellPercent
	case domain.TypeDate:
		col.kind = cellDate
	}
	key := f.Key
	col.value = func(c *domain.Customer) any { return cellOf(key, c.Get(key), lang) }
	return col
}

// cellOf writes one field's value the way the importer reads it back:
// labels for the kind and the consent, Oui/Non, phones readable and
// comma-separated, groups comma-separated. Numbers and dates stay as they
// are for the sink to write.
func cellOf(key string, v any, lang string) any {
	switch v := v.(type) {
	case string:
		switch key {
		case "kind":
			if domain.Kind(v) == domain.KindCompany {
				return domain.Message{FR: "Personne morale", EN: "Company"}.In(lang)
			}
			return domain.Message{FR: "Personne physique", EN: "Individual"}.In(lang)
		case "marketing_consent":
			return domain.Consent(v).Label().In(lang)
		case "fax":
			return readablePhone(v)
		}
		return v
	case bool:
		return yesNo(v, lang)
	case []string:
		return strings.Join(v, ", ")
	case []domain.Phone:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = readablePhone(p.Number)
		}
		return strings.Join(parts, ", ")
	}
	return v // int64, time.Time
}

// customColumn is the column of a custom field, headed by its name, which
// the importer matches.
func customColumn(cf domain.CustomField, lang string) column {
	col := column{header: cf.Name, kind: cellText}
	name := cf.Name
	switch cf.Type {
	case domain.CustomNumber:
		// Stored with a dot; the spreadsheet gets a number or the user's
		// decimal mark.
		col.value = func(c *domain.Customer) any {
			v := c.Custom[name]
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return f
			}
			return v
		}
	case domain.CustomDate:
		col.kind = cellDate
		col.value = func(c *domain.Customer) any {
			t, err := time.Parse(time.DateOnly, c.Custom[name])
			if err != nil {
				return time.Time{}
			}
			return t
		}
	case domain.CustomBool:
		col.value = func(c *domain.Customer) any {
			switch c.Custom[name] {
			case "true":
				return yesNo(true, lang)
			case "false":
				return yesNo(false, lang)
			}
			return ""
		}
	default:
		col.value = func(c *domain.Customer) any { return c.Custom[name] }
	}
	return col
}

func yesNo(v bool, lang string) string {
	if v {
		return domain.Message{FR: "Oui", EN: "Yes"}.In(lang)
	}
	return domain.Message{FR: "Non", EN: "No"}.In(lang)
}

// readablePhone writes a stored E.164 number the way people read it: the
// national form for France (06 12 34 56 78, which cannot be taken for a
// formula), the international one elsewhere. The importer reads both back
// to the same number. French mobile and fixed numbers, nearly all of them,
// take the fast path without the phone library.
func readablePhone(e164 string) string {
	if len(e164) == 12 && strings.HasPrefix(e164, "+33") && e164[3] >= '1' && e164[3] <= '9' && allDigits(e164[3:]) {
		d := e164[3:]
		return "0" + d[0:1] + " " + d[1:3] + " " + d[3:5] + " " + d[5:7] + " " + d[7:9]
	}
	if e164 == "" {
		return ""
	}
	return phone.National(e164)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
