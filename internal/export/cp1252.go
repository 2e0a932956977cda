package export

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"carnet/internal/domain"
)

// maxUnencodableListed bounds the places an UnencodableError lists; all
// are counted.
const maxUnencodableListed = 50

// cp1252Check finds the characters Windows-1252 cannot hold. The file is
// still encoded to the end (with placeholders) so that every place is
// found in one pass, then refused as a whole: a name silently changed in
// the file would come back changed on re-import.
type cp1252Check struct {
	places []Unencodable
	total  int
}

func (c *cp1252Check) writer(out io.Writer) io.Writer {
	return encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Writer(out)
}

func (c *cp1252Check) check(line int, headers, record []string) {
	for i, v := range record {
		if isASCII(v) {
			continue
		}
		for _, r := range v {
			if _, ok := charmap.Windows1252.EncodeRune(r); ok {
				continue
			}
			c.total++
			if len(c.places) < maxUnencodableListed {
				c.places = append(c.places, Unencodable{Row: line, Column: headers[i], Value: v, Char: string(r)})
			}
			break // one place per cell
		}
	}
}

func (c *cp1252Check) err() error {
	if c.total == 0 {
		return nil
	}
	return &UnencodableError{Places: c.places, Total: c.total}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Error says where the file would lose characters and what to do.
func (e *UnencodableError) Error() string { return e.message().EN }

// Message is the error in lang: the first places, each with its row,
// column and character, and the way out.
func (e *UnencodableError) Message(lang string) string { return e.message().In(lang) }

func (e *UnencodableError) message() domain.Message {
	var fr, en strings.Builder
	if e.Total == 1 {
		fr.WriteString("1 valeur contient un caractère que le format Windows-1252 (ancien Excel) ne peut pas enregistrer :")
		en.WriteString("1 value contains a character that Windows-1252 (old Excel) cannot hold:")
	} else {
		fmt.Fprintf(&fr, "%d valeurs contiennent des caractères que le format Windows-1252 (ancien Excel) ne peut pas enregistrer :", e.Total)
		fmt.Fprintf(&en, "%d values contain characters that Windows-1252 (old Excel) cannot hold:", e.Total)
	}
	for i, p := range e.Places {
		if i == 5 {
			break
		}
		fmt.Fprintf(&fr, "\n· ligne %d, colonne « %s » : « %s » dans « %s »", p.Row, p.Column, p.Char, p.Value)
		fmt.Fprintf(&en, "\n· row %d, column “%s”: “%s” in “%s”", p.Row, p.Column, p.Char, p.Value)
	}
	if e.Total > 5 {
		fmt.Fprintf(&fr, "\n· … et %d autre(s)", e.Total-5)
		fmt.Fprintf(&en, "\n· … and %d more", e.Total-5)
	}
	fr.WriteString("\nRien n’a été écrit. Exportez en CSV UTF-8, que les versions d’Excel depuis 2016 ouvrent, ou corrigez ces valeurs.")
	en.WriteString("\nNothing was written. Export as CSV UTF-8, which Excel opens since 2016, or correct these values.")
	return domain.Message{FR: fr.String(), EN: en.String()}
}
